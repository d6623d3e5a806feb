import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { sampleDetails } from "../tests/helpers/appointment-details.ts";
import { advisorNotice } from "./advisor-notice.ts";
import type { AppointmentDetails } from "./appointment.ts";
import { appointmentBooked } from "./appointment-booked.ts";
import { appointmentCancelled } from "./appointment-cancelled.ts";
import { appointmentMoved } from "./appointment-moved.ts";
import { appointmentReminder } from "./appointment-reminder.ts";
import { day, time } from "./format.ts";
import { appointmentIcs, eventUid } from "./ics.ts";
import { noticeDigestEmail } from "./notice-digest.ts";
import { passwordLinkEmail } from "./password-link.ts";
import { meetingCancelledEmail, referralReceivedEmail } from "./referral.ts";
import { webhookDisabledEmail } from "./webhook-disabled.ts";

const details = (a: Partial<AppointmentDetails> = {}) =>
  sampleDetails({
    person: { firstName: "Léa", lastName: "Durand <script>", email: "lea.durand@example.org", phone: null },
    accessibilityNeeds: "Accès en fauteuil roulant",
    ...a,
  });

describe("messages to the person", () => {
  it("the confirmation says the local time of a daylight-saving week, the place, and the private link", () => {
    const mail = appointmentBooked(details());
    expect(mail.subject).toBe("Rendez-vous confirmé le lundi 30 mars 2026 à 9 h 00");
    for (const part of [mail.text, mail.html]) {
      expect(part).toContain("lundi 30 mars 2026, de 9 h 00 à 9 h 45");
      expect(part).toContain("12 rue Nationale, 59000 Lille");
      expect(part).toContain("Métro ligne 1, station Rihour.");
      expect(part).toContain("https://rdv.example.fr/rdv/AbCdEf0123456789xyzXYZ");
      expect(part).toContain("Accès en fauteuil roulant");
    }
    expect(mail.html).toContain('<html lang="fr">');
  });

  it("escapes what people typed in the HTML part", () => {
    const mail = advisorNotice(details(), { kind: "booked" });
    expect(mail.html).toContain("Durand &lt;script&gt;");
    expect(mail.html).not.toContain("<script>");
  });

  it("gives the advisor the person's phone the French way", () => {
    const person = { firstName: "Léa", lastName: "Durand", email: null, phone: "+262692123456" };
    expect(advisorNotice(details({ person }), { kind: "booked" }).text).toContain("06 92 12 34 56");
  });

  it("says a phone meeting is a phone meeting", () => {
    const mail = appointmentReminder(details({ mode: "phone", site: null }));
    expect(mail.text).toContain("Rendez-vous téléphonique");
    expect(mail.subject).toBe("Rappel : rendez-vous le lundi 30 mars 2026 à 9 h 00");
  });

  it("a move names the old and the new time; a cancellation says who cancelled and drops the link", () => {
    const moved = appointmentMoved(details({ start: new Date("2026-10-26T08:00:00Z"), end: new Date("2026-10-26T08:45:00Z") }), {
      start: new Date("2026-03-30T07:00:00Z"),
      end: new Date("2026-03-30T07:45:00Z"),
    });
    expect(moved.text).toContain("Il n'a plus lieu le lundi 30 mars 2026, de 9 h 00 à 9 h 45");
    expect(moved.text).toContain("lundi 26 octobre 2026, de 9 h 00 à 9 h 45");
    const byStructure = appointmentCancelled(details({ status: "cancelled" }), {
      by: "structure",
      reason: "Conseillère absente",
    });
    expect(byStructure.text).toContain("La structure a dû annuler votre rendez-vous");
    expect(byStructure.text).toContain("Motif : Conseillère absente");
    expect(byStructure.text).not.toContain("/rdv/");
    expect(byStructure.text).not.toContain("À prévoir");
  });
});

describe("the place line", () => {
  const nord = (site: { name: string; commune: string }) =>
    details({
      structure: { name: "PIC VAE Nord", email: null, phone: "03 20 00 00 00" },
      site: { ...site, address: "1 place du Théâtre", postcode: "59000", accessInfo: "" },
    });
  const placeLine = (text: string) => text.split("\n").find((line) => line.startsWith("Où : "));

  it("names the structure once, then the site when it has a name of its own, then the address", () => {
    for (const render of [
      appointmentBooked,
      appointmentReminder,
      (a: AppointmentDetails) => advisorNotice(a, { kind: "booked" as const }),
    ]) {
      expect(placeLine(render(nord({ name: "PIC VAE Nord — Lille", commune: "Lille" })).text)).toBe(
        "Où : PIC VAE Nord — 1 place du Théâtre, 59000 Lille",
      );
      expect(placeLine(render(nord({ name: "PIC VAE Nord — Antenne Wazemmes", commune: "Lille" })).text)).toBe(
        "Où : PIC VAE Nord, Antenne Wazemmes — 1 place du Théâtre, 59000 Lille",
      );
      expect(placeLine(render(nord({ name: "Maison de l'emploi", commune: "Lille" })).text)).toBe(
        "Où : PIC VAE Nord, Maison de l'emploi — 1 place du Théâtre, 59000 Lille",
      );
    }
    // A site whose name merely starts with the structure's letters keeps them.
    expect(placeLine(appointmentBooked(details({ structure: { name: "CIO", email: null, phone: null } })).text)).toBe(
      "Où : CIO, Lille Centre — 12 rue Nationale, 59000 Lille",
    );
    expect(placeLine(appointmentBooked(nord({ name: "PIC VAE Nordique", commune: "Lille" })).text)).toBe(
      "Où : PIC VAE Nord, PIC VAE Nordique — 1 place du Théâtre, 59000 Lille",
    );
  });

  it("a cancellation says once that it is cancelled, and names the structure once", () => {
    for (const by of ["person", "structure"] as const) {
      const mail = appointmentCancelled(nord({ name: "PIC VAE Nord — Lille", commune: "Lille" }), { by, reason: null });
      const body = mail.text.split("\n").slice(1).join("\n");
      expect(body.match(/annul/gi)?.length ?? 0, by).toBeLessThanOrEqual(1);
      // Where, and whom to ask: never more.
      expect(mail.text.match(/PIC VAE Nord/g)?.length, by).toBe(2);
    }
  });
});

describe("the .ics", () => {
  const parse = (content: string) => {
    const calendar = new ICAL.Component(ICAL.parse(content));
    const event = new ICAL.Event(calendar.getFirstSubcomponent("vevent") as ICAL.Component);
    return { calendar, event, vevent: calendar.getFirstSubcomponent("vevent") as ICAL.Component };
  };

  it("is a REQUEST Thunderbird's parser reads: UID, SEQUENCE, DTSTAMP, local time with its VTIMEZONE, organizer, attendee", () => {
    const { method, content } = appointmentIcs(details(), new Date("2026-03-20T10:00:00Z"));
    expect(method).toBe("REQUEST");
    const { calendar, event, vevent } = parse(content);
    expect(calendar.getFirstPropertyValue("method")).toBe("REQUEST");
    expect(event.uid).toBe(eventUid(details().id));
    expect(event.sequence).toBe(0);
    expect(vevent.getFirstPropertyValue("dtstamp")?.toString()).toBe("2026-03-20T10:00:00Z");
    expect(vevent.getFirstProperty("dtstart")?.getParameter("tzid")).toBe("Europe/Paris");
    expect(event.startDate.toString()).toBe("2026-03-30T09:00:00");
    expect(calendar.getFirstSubcomponent("vtimezone")?.getFirstPropertyValue("tzid")).toBe("Europe/Paris");
    expect(vevent.getFirstPropertyValue("organizer")).toBe("mailto:contact@pic-vae-lille.demo.example");
    expect(String(vevent.getFirstPropertyValue("attendee")).toLowerCase()).toBe("mailto:lea.durand@example.org");
    expect(event.location).toBe("12 rue Nationale, 59000 Lille");
    expect(vevent.getFirstPropertyValue("status")).toBe("CONFIRMED");
  });

  it("is a CANCEL with the same UID and a higher SEQUENCE once cancelled", () => {
    const { method, content } = appointmentIcs(details({ status: "cancelled", sequence: 2 }), new Date());
    expect(method).toBe("CANCEL");
    const { calendar, event, vevent } = parse(content);
    expect(calendar.getFirstPropertyValue("method")).toBe("CANCEL");
    expect(event.uid).toBe(eventUid(details().id));
    expect(event.sequence).toBe(2);
    expect(vevent.getFirstPropertyValue("status")).toBe("CANCELLED");
  });

  it.skipIf(!existsSync("/usr/bin/python3"))("is read by Python's icalendar too", () => {
    const { content } = appointmentIcs(details({ mode: "phone", site: null }), new Date("2026-03-20T10:00:00Z"));
    const script = `
import sys, icalendar
cal = icalendar.Calendar.from_ical(sys.stdin.read())
ev = next(c for c in cal.walk() if c.name == "VEVENT")
print(cal.get("method"), ev.get("uid"), ev.get("sequence"), ev.decoded("dtstart").isoformat(), ev.get("location"))`;
    const out = execFileSync("/usr/bin/python3", ["-c", script], { input: content }).toString().trim();
    expect(out).toBe(`REQUEST ${eventUid(details().id)} 0 2026-03-30T09:00:00+02:00 Rendez-vous téléphonique`);
  });
});

describe("messages to staff", () => {
  const url = "https://rdv.example/connexion/mot-de-passe#jeton";
  it("an invitation names who invited, links to the password page and says when the link dies, in Paris time", () => {
    const email = passwordLinkEmail({
      kind: "invitation",
      firstName: "Hugo",
      url,
      expiresAt: new Date("2026-10-25T09:30:00Z"), // the Sunday clocks go back: 10 h 30 in Paris
      invitedBy: "Inès Moreau (Mission Locale de Lille)",
    });
    expect(email.subject).toBe("Votre accès à RDV Orientation");
    expect(email.text).toContain("Inès Moreau (Mission Locale de Lille) vous a ouvert un compte");
    expect(email.text).toContain(`Créer mon mot de passe : ${url}`);
    expect(email.text).toContain("expire le dimanche 25 octobre 2026 à 10 h 30");
    expect(email.html).toContain(`href="${url}"`);
  });
  it("a reset says what to do if it was not asked for", () => {
    const email = passwordLinkEmail({ kind: "reset", firstName: "Hugo", url, expiresAt: new Date("2026-03-29T01:30:00Z") });
    expect(email.subject).toBe("Choisir un nouveau mot de passe");
    expect(email.text).toContain("expire le dimanche 29 mars 2026 à 3 h 30");
    expect(email.text).toMatch(/ignorez ce message/);
  });
  it("a daily digest gathers the day's notices, each under its subject, without their titles and footers", () => {
    const notices = [
      advisorNotice(details(), { kind: "booked" }),
      advisorNotice(details(), { kind: "cancelled", reason: "Empêchement" }),
    ];
    const email = noticeDigestEmail(notices);
    expect(email.subject).toBe("Votre résumé du jour : 2 messages");
    for (const notice of notices) expect(email.text).toContain(`${notice.subject}\n`);
    expect(email.text).toContain("Motif : Empêchement");
    // One footer, the digest's own.
    expect(email.text.split("RDV Orientation — Service public régional de l'orientation")).toHaveLength(2);
    expect(email.html).toContain("Durand &lt;script&gt;");
    expect(noticeDigestEmail(notices.slice(0, 1)).subject).toBe("Votre résumé du jour : 1 message");
  });
  it("a referral received tells the structure who sent it and links to it, and nothing of the person", () => {
    const email = referralReceivedEmail({
      from: "CCAS de Roubaix <b>",
      url: "https://rdv.example/espace/orientations/0b7e2c1a-0000-4000-8000-000000000001",
    });
    expect(email.subject).toBe("Nouvelle orientation reçue de CCAS de Roubaix <b>");
    expect(email.text).toContain(
      "Voir l'orientation : https://rdv.example/espace/orientations/0b7e2c1a-0000-4000-8000-000000000001",
    );
    expect(email.html).toContain("CCAS de Roubaix &lt;b&gt;");
    expect(email.html).not.toContain("<b>");
  });
});

describe("dates in messages", () => {
  it("say the first of the month as French does", () => {
    expect(day(new Date("2026-12-01T09:00:00Z"), "Europe/Paris")).toBe("mardi 1er décembre 2026");
    expect(day(new Date("2026-03-30T07:00:00Z"), "Europe/Paris")).toBe("lundi 30 mars 2026");
  });

  it("give Paris time either side of the DST changes, and midnight as 0 h 00", () => {
    expect(time(new Date("2026-03-28T08:00:00Z"), "Europe/Paris")).toBe("9 h 00");
    expect(time(new Date("2026-03-30T07:05:00Z"), "Europe/Paris")).toBe("9 h 05");
    expect(time(new Date("2026-10-26T08:00:00Z"), "Europe/Paris")).toBe("9 h 00");
    expect(time(new Date("2026-10-24T22:00:00Z"), "Europe/Paris")).toBe("0 h 00");
    expect(day(new Date("2026-10-24T22:00:00Z"), "Europe/Paris")).toBe("dimanche 25 octobre 2026");
    expect(day(new Date("2026-10-24T21:59:00Z"), "Europe/Paris")).toBe("samedi 24 octobre 2026");
  });
});

describe("names after « de »", () => {
  it("elide before a vowel: « le rendez-vous d'Eva Martin », « de Paul Roy »", () => {
    const notice = { referrerFirstName: "Léa", to: "CIO de Lille", service: "Bilan", url: "https://rdv.example/o/1" };
    const meeting = { start: new Date("2026-10-26T08:00:00Z"), zone: "Europe/Paris", reason: null };
    expect(meetingCancelledEmail({ ...notice, person: "Eva Martin" }, meeting).text).toContain(
      "le rendez-vous d'Eva Martin (Bilan)",
    );
    expect(meetingCancelledEmail({ ...notice, person: "Paul Roy" }, meeting).text).toContain(
      "le rendez-vous de Paul Roy (Bilan)",
    );
  });
});

describe("webhooks", () => {
  it("a disabled endpoint's e-mail names its URL and why, and links to where it is switched back on", () => {
    const settingsUrl = "https://rdv.example/espace/annuaire/structures/s1?onglet=webhooks";
    const email = webhookDisabledEmail({
      structure: "Point Info Conseil VAE de Lille",
      url: "https://si.exemple.fr/hooks",
      reason: "aucune livraison réussie depuis 24 heures",
      settingsUrl,
    });
    expect(email.subject).toBe("Webhook désactivé : Point Info Conseil VAE de Lille");
    expect(email.text).toContain("https://si.exemple.fr/hooks : aucune livraison réussie depuis 24 heures");
    expect(email.html).toContain(`href="${settingsUrl}"`);
  });
});
