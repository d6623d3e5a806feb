import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AppointmentDetails } from "../emails/appointment.ts";
import { propertyRuns } from "../tests/helpers/property-runs.ts";
import { smsBooked, smsCancelled, smsMoved, smsReminder } from "./appointment-sms.ts";
import { moment, shortDay } from "./format.ts";
import { isGsm7, toGsm7 } from "./gsm7.ts";
import { smsInvitation } from "./referral-sms.ts";
import { MAX_SEGMENTS, measure, type SmsText } from "./segments.ts";

// Whatever people type in names, addresses, what to bring and reasons — accents, ligatures,
// typography, the extension table, emoji, other scripts, broken surrogates — every text is GSM-7,
// in two segments at most, with its date and its link whole.

const char = fc.oneof(
  { arbitrary: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789    -'.,;:!?()/&"), weight: 6 },
  { arbitrary: fc.constantFrom(..."éèêëàâäîïôöùûüçœæÉÈÊËÀÂÎÏÔÖÙÛÜÇŒÆÿŸñ"), weight: 3 },
  {
    arbitrary: fc.constantFrom("«", "»", "’", "‘", "“", "”", "–", "—", "…", "\u00a0", "\u202f", "·", "°", "\n", "\t", "\r\n"),
    weight: 2,
  },
  { arbitrary: fc.constantFrom(..."€[]{}|~^\\"), weight: 1 },
  { arbitrary: fc.constantFrom("😀", "👍🏽", "🇫🇷", "👨‍👩‍👧", "❤️", "中文", "Ωμ", "e\u0301", "ﬁ", "\u200b"), weight: 1 },
  { arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }), weight: 1 },
  { arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 1 }), weight: 1 },
);
const text = (maxLength: number) => fc.string({ unit: char, maxLength });

const ORIGINS = ["https://rdv-orientation.fr", "https://rdv-orientation.hautsdefrance.fr"];
const token = (length: number) => fc.stringMatching(new RegExp(`^[A-Za-z0-9_-]{${length}}$`));
const instant = fc.date({ min: new Date("2026-01-01T00:00:00Z"), max: new Date("2030-12-31T00:00:00Z"), noInvalidDate: true });
const zone = fc.constantFrom("Europe/Paris", "America/Cayenne", "Indian/Reunion", "Pacific/Noumea");

const details: fc.Arbitrary<AppointmentDetails> = fc
  .record({
    start: instant,
    zone,
    mode: fc.constantFrom("onsite", "phone", "video"),
    service: text(100),
    structure: text(100),
    structurePhone: fc.option(fc.constantFrom("03 20 00 00 00", "+262262123456", "+32470123456")),
    site: fc.option(
      fc.record({ name: text(100), address: text(150), postcode: fc.stringMatching(/^\d{5}$/), commune: text(50) }),
    ),
    firstName: text(80),
    personPhone: fc.option(fc.oneof(fc.constantFrom("+33612345678", "+262692123456", "+32470123456"), text(30))),
    instructions: text(400),
    manageUrl: fc.tuple(fc.constantFrom(...ORIGINS), token(22)).map(([origin, t]) => `${origin}/rdv/${t}`),
  })
  .map((r) => ({
    id: "5b0f7c7e-1f0b-4a57-9c43-0d9c2f1f7a10",
    start: r.start,
    end: new Date(r.start.getTime() + 45 * 60_000),
    zone: r.zone,
    sequence: 0,
    status: "booked",
    mode: r.mode,
    service: { name: r.service },
    structure: { name: r.structure, email: null, phone: r.structurePhone },
    site: r.site && { ...r.site, accessInfo: "" },
    person: { firstName: r.firstName, lastName: "", email: null, phone: r.personPhone },
    advisor: { firstName: "", lastName: "", email: "" },
    instructions: r.instructions,
    accessibilityNeeds: "",
    manageUrl: r.manageUrl,
    seats: 1,
  }));

function expectSendable(sms: SmsText) {
  expect([...sms.text].every(isGsm7), sms.text).toBe(true);
  expect(sms.segments, sms.text).toBeLessThanOrEqual(MAX_SEGMENTS);
  expect(measure(sms.text), sms.text).toMatchObject({ segments: sms.segments, encoding: "GSM-7" });
}

describe("SMS texts, whatever is typed", () => {
  it(`are GSM-7 in two segments, with the date and the whole link, on ${propertyRuns(300)} random appointments`, () => {
    fc.assert(
      fc.property(details, instant, fc.option(text(600)), (a, previous, reason) => {
        const texts = [
          smsBooked(a),
          smsReminder(a),
          smsMoved(a, { start: previous }),
          smsCancelled(a, { by: "person", reason: null }),
          smsCancelled(a, { by: "structure", reason }),
        ];
        for (const sms of texts) {
          expectSendable(sms);
          expect(sms.text).toContain(moment(a.start, a.zone));
          expect(sms.text.endsWith(`: ${a.manageUrl}`), sms.text).toBe(true);
        }
      }),
      { numRuns: propertyRuns(300), seed: 20260330 },
    );
  });

  it(`are GSM-7 in two segments, with the link whole, on ${propertyRuns(200)} random invitations`, () => {
    fc.assert(
      fc.property(
        fc.record({
          firstName: text(80),
          from: text(100),
          to: text(100),
          service: text(100),
          url: fc.tuple(fc.constantFrom(...ORIGINS), token(43)).map(([origin, t]) => `${origin}/invitation#${t}`),
          expiresAt: instant,
          code: fc.option(fc.stringMatching(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/)),
        }),
        fc.boolean(),
        (invitation, reminder) => {
          const sms = smsInvitation(invitation, reminder);
          expectSendable(sms);
          expect(sms.text).toContain(`jusqu'au ${shortDay(invitation.expiresAt, "Europe/Paris")} : ${invitation.url}`);
        },
      ),
      { numRuns: propertyRuns(200), seed: 20260414 },
    );
  });

  it(`transliterate any text to GSM-7, once for all, on ${propertyRuns(2000)} random strings`, () => {
    fc.assert(
      fc.property(fc.oneof(text(200), fc.string({ unit: "binary", maxLength: 200 })), (input) => {
        const once = toGsm7(input);
        expect([...once].every(isGsm7)).toBe(true);
        expect(toGsm7(once)).toBe(once);
      }),
      { numRuns: propertyRuns(2000), seed: 1 },
    );
  });
});
