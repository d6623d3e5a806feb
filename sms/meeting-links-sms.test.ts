import { describe, expect, it } from "vitest";
import type { AppointmentDetails } from "../emails/appointment.ts";
import type { LinkedMeeting } from "../emails/meeting-links.ts";
import { sampleDetails } from "../tests/helpers/appointment-details.ts";
import { isGsm7 } from "./gsm7.ts";
import { smsMeetingLink, smsMeetingLinks } from "./meeting-links-sms.ts";
import { MAX_SEGMENTS, measure, type SmsText } from "./segments.ts";

const URL = "https://rdv.orientation-hautsdefrance.fr/rdv";
/** The sample meeting moved to day `n` after 29 March, at the CIO of Lille, with its new link. */
const meeting = (n: number, a: Partial<AppointmentDetails> = {}): LinkedMeeting => ({
  ...sampleDetails({
    id: `meeting-${n}`,
    start: new Date(Date.UTC(2026, 2, 29 + n, 7)),
    end: new Date(Date.UTC(2026, 2, 29 + n, 8)),
    structure: { name: "CIO de Lille", email: null, phone: null },
    site: null,
    person: { firstName: "Léa", lastName: "Durand", email: null, phone: "+33612345678" },
    instructions: "",
    ...a,
  }),
  manageUrl: `${URL}/${String(n).repeat(22)}`,
});

function expectSendable(sms: SmsText) {
  expect([...sms.text].filter((c) => !isGsm7(c))).toEqual([]);
  expect(sms.segments, sms.text).toBeLessThanOrEqual(MAX_SEGMENTS);
  expect(measure(sms.text)).toMatchObject({ segments: sms.segments, encoding: "GSM-7" });
}

describe("the new links by SMS", () => {
  it("one meeting: when, with whom, that the old link is dead, and the link whole on its own line", () => {
    const sms = smsMeetingLink(meeting(1));
    expectSendable(sms);
    expect(sms.text).toBe(
      "Bonjour Léa, voici le nouveau lien de votre RDV du lun. 30/03 à 9h avec CIO de Lille (Information-conseil VAE). " +
        `L'ancien lien ne fonctionne plus.\nDéplacer ou annuler : ${URL}/1111111111111111111111`,
    );
  });

  it("two meetings of short names go in one text, a line each, soonest first", () => {
    const texts = smsMeetingLinks([meeting(1), meeting(2, { structure: { name: "APEC Lille", email: null, phone: null } })]);
    expect(texts).toHaveLength(1);
    const [{ sms, meetings }] = texts as [(typeof texts)[number]];
    expectSendable(sms);
    expect(meetings.map((m) => m.id)).toEqual(["meeting-1", "meeting-2"]);
    expect(sms.text.split("\n")).toEqual([
      "Bonjour Léa, vos RDV à venir et leurs nouveaux liens (les anciens ne fonctionnent plus) :",
      `lun. 30/03 à 9h, CIO de Lille : ${URL}/1111111111111111111111`,
      `mar. 31/03 à 9h, APEC Lille : ${URL}/2222222222222222222222`,
    ]);
  });

  it("three meetings that do not fit in one text get a text each, every link whole", () => {
    const long = { name: "Centre d'information et d'orientation de Lille Centre", email: null, phone: null };
    const meetings = [meeting(1, { structure: long }), meeting(2, { structure: long }), meeting(3, { structure: long })];
    const texts = smsMeetingLinks(meetings);
    expect(texts.map((t) => t.meetings.map((m) => m.id))).toEqual([["meeting-1"], ["meeting-2"], ["meeting-3"]]);
    texts.forEach(({ sms }, i) => {
      expectSendable(sms);
      expect(sms.text).toContain(meetings[i]?.manageUrl);
      expect(sms.text).toContain("L'ancien lien ne fonctionne plus.");
    });
  });

  it("never cuts a structure's name in a list below what still says which it is", () => {
    const named = (name: string) => ({ name, email: null, phone: null });
    const texts = smsMeetingLinks([
      meeting(1, { structure: named("Mission Locale de la Métropole Lilloise — antenne de Roubaix") }),
      meeting(2, { structure: named("Centre d'information et d'orientation de Tourcoing") }),
    ]);
    for (const { sms } of texts) {
      expectSendable(sms);
      for (const line of sms.text.split("\n").slice(1)) {
        const name = /^\S+ \S+ à \S+, (.*) : https/.exec(line)?.[1];
        if (name) expect(name.length).toBeGreaterThanOrEqual(20);
      }
    }
  });
});
