import { describe, expect, it } from "vitest";
import { sampleDetails } from "../tests/helpers/appointment-details.ts";
import type { AppointmentDetails } from "./appointment.ts";
import { type LinkedMeeting, meetingLinks } from "./meeting-links.ts";

/** The sample meeting (no access information) with its new link. */
const meeting = (a: Partial<AppointmentDetails> & { manageUrl?: string } = {}): LinkedMeeting => ({
  ...sampleDetails({ site: { ...(sampleDetails().site as NonNullable<AppointmentDetails["site"]>), accessInfo: "" }, ...a }),
  manageUrl: a.manageUrl ?? "https://rdv.example.fr/rdv/AbCdEf0123456789xyzXYZ",
});

describe("the links asked for again", () => {
  it("gives one meeting its new link, says the old one is dead and what to do if nobody asked", () => {
    const mail = meetingLinks([meeting()]);
    expect(mail.subject).toBe("Vos rendez-vous");
    for (const part of [mail.text, mail.html]) {
      expect(part).toContain("Bonjour Léa, voici votre rendez-vous à venir");
      expect(part).toContain("lundi 30 mars 2026, de 9 h 00 à 9 h 45");
      expect(part).toContain("12 rue Nationale, 59000 Lille");
      expect(part).toContain("https://rdv.example.fr/rdv/AbCdEf0123456789xyzXYZ");
      expect(part).toContain("Le lien reçu auparavant ne fonctionne plus.");
      expect(part).toContain("son lien est désormais le seul valable");
      expect(part).toContain("03 53 01 00 00");
    }
    expect(mail.text).toContain("Vous n'êtes pas à l'origine de cette demande ? Votre rendez-vous ne change pas");
    expect(mail.text).not.toContain("Au nom de");
  });

  it("lists several meetings in the order given, each under its own heading with its own link", () => {
    const mail = meetingLinks([
      meeting(),
      meeting({
        id: "2",
        start: new Date("2026-04-01T12:00:00Z"),
        end: new Date("2026-04-01T13:00:00Z"),
        mode: "phone",
        structure: { name: "CIBC de Lille", email: null, phone: null },
        manageUrl: "https://rdv.example.fr/rdv/ZyXwVu9876543210abcABC",
      }),
    ]);
    expect(mail.text).toContain("Bonjour Léa, voici vos rendez-vous à venir");
    expect(mail.text).toContain("Les liens reçus auparavant ne fonctionnent plus.");
    const first = mail.text.indexOf("AbCdEf0123456789xyzXYZ");
    const second = mail.text.indexOf("ZyXwVu9876543210abcABC");
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(first);
    expect(mail.text).toContain("mercredi 1er avril 2026, de 14 h 00 à 15 h 00");
    expect(mail.text).toContain("Rendez-vous téléphonique");
    expect(mail.html.match(/<h2 /g)).toHaveLength(2);
    expect(mail.html).toContain("Rendez-vous du mercredi 1er avril 2026 à 14 h 00</h2>");
  });

  it("names each meeting's person when the address was given for several, and greets none of them", () => {
    const mail = meetingLinks([meeting(), meeting({ id: "2", person: { ...meeting().person, firstName: "Tom <b>" } })]);
    expect(mail.text).toContain("Bonjour, voici vos rendez-vous à venir");
    expect(mail.text).toContain("Au nom de : Léa Durand");
    expect(mail.text).toContain("Au nom de : Tom <b> Durand");
    expect(mail.html).toContain("Tom &lt;b&gt; Durand");
  });
});
