import { describe, expect, it } from "vitest";
import {
  type AppointmentFacts,
  appointmentData,
  availabilityData,
  disablingReason,
  eventType,
  MAX_ATTEMPTS,
  type ReferralFacts,
  referralData,
  retryDelayAfter,
  webhookUrlProblem,
} from "./webhooks.ts";

describe("the retry schedule", () => {
  it("follows Standard Webhooks: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, then gives up after eight attempts (about 27 h)", () => {
    const delays = Array.from({ length: MAX_ATTEMPTS }, (_, i) => retryDelayAfter(i + 1));
    expect(delays).toEqual([5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000, null]);
    const total = delays.reduce<number>((sum, d) => sum + (d ?? 0), 0);
    expect(total / 3_600_000).toBeGreaterThan(27);
    expect(total / 3_600_000).toBeLessThan(28);
  });

  it("switches an endpoint off after a day of failures, or when a delivery used all its attempts", () => {
    const since = new Date("2026-03-23T08:00:00Z");
    const at = (hours: number) => new Date(since.getTime() + hours * 3_600_000);
    expect(disablingReason({ since, now: at(23.9), exhausted: false })).toBeNull();
    expect(disablingReason({ since, now: at(24), exhausted: false })).toMatch(/24 heures/);
    expect(disablingReason({ since, now: at(1), exhausted: true })).toMatch(/8 essais/);
  });
});

describe("the URLs a structure may subscribe", () => {
  const production = { httpsOnly: true, allowPrivate: false };
  const local = { httpsOnly: false, allowPrivate: false };

  it("are https:// in production, http:// also on a platform served over http", () => {
    expect(webhookUrlProblem("https://si.exemple.fr/hooks", production)).toBeNull();
    expect(webhookUrlProblem("http://si.exemple.fr/hooks", production)).toMatch(/https:\/\//);
    expect(webhookUrlProblem("http://si.exemple.fr/hooks", local)).toBeNull();
    expect(webhookUrlProblem("ftp://si.exemple.fr/hooks", local)).toMatch(/https:\/\//);
    expect(webhookUrlProblem("si.exemple.fr", production)).toMatch(/adresse web complète/);
    expect(webhookUrlProblem("https://moi:secret@si.exemple.fr/", production)).toMatch(/identifiant/);
  });

  it("never name a private, loopback, link-local, unique-local, multicast or unspecified address, however written", () => {
    for (const host of [
      "127.0.0.1",
      "10.0.0.8",
      "172.16.4.1",
      "192.168.1.1",
      "169.254.169.254",
      "0.0.0.0",
      "224.0.0.1",
      "100.64.0.1",
      "[::1]",
      "[fd00::1]",
      "[fe80::1]",
      "[::7f00:1]",
      "[::ffff:127.0.0.1]",
      "0x7f.1",
      "2130706433",
      "localhost",
      "api.localhost",
      "nas.local",
      "intranet",
    ]) {
      expect(webhookUrlProblem(`https://${host}/hooks`, production), host).toMatch(/privée ou locale/);
    }
    expect(webhookUrlProblem("https://93.184.215.14/hooks", production)).toBeNull();
    expect(webhookUrlProblem("https://[2606:4700::1111]/hooks", production)).toBeNull();
  });

  it("may be local when the platform allows it on purpose (tests, a closed network)", () => {
    expect(webhookUrlProblem("http://127.0.0.1:8080/hooks", { httpsOnly: false, allowPrivate: true })).toBeNull();
  });
});

describe("what each structure is told", () => {
  const person = { firstName: "Léa", lastName: "Durand", email: "lea@example.org", phone: "+33612345678" };
  const appointment: AppointmentFacts = {
    id: "a1",
    status: "booked",
    startsAt: new Date("2026-03-30T07:00:00Z"),
    endsAt: new Date("2026-03-30T07:45:00Z"),
    mode: "onsite",
    channel: "online",
    outcome: null,
    structure: { id: "s1", name: "PIC VAE" },
    offering: { id: "o1" },
    service: { id: "sv1", slug: "vae", name: "VAE" },
    site: { id: "si1", name: "Lille Centre" },
    advisor: { id: "u1", firstName: "Inès", lastName: "Moreau" },
    person,
  };

  it("an appointment: its time in ISO, its place, advisor and person, and a move's previous time", () => {
    const data = appointmentData(appointment, {
      previous: { startsAt: new Date("2026-03-27T07:00:00Z"), endsAt: new Date("2026-03-27T07:45:00Z") },
    });
    expect(data).toMatchObject({
      startsAt: "2026-03-30T07:00:00.000Z",
      site: { id: "si1", name: "Lille Centre" },
      person,
      previous: { startsAt: "2026-03-27T07:00:00.000Z" },
    });
    expect(Object.keys(appointmentData(appointment))).not.toContain("previous");
  });

  const referral: ReferralFacts = {
    id: "r1",
    status: "booked",
    statusReason: null,
    need: "Reprendre une formation après un congé parental",
    createdAt: new Date("2026-03-20T10:00:00Z"),
    from: { id: "s2", name: "CCAS de Roubaix" },
    to: { id: "s1", name: "PIC VAE" },
    service: { id: "sv1", name: "VAE" },
    person,
    appointment: {
      id: "a1",
      startsAt: new Date("2026-03-30T07:00:00Z"),
      endsAt: new Date("2026-03-30T07:45:00Z"),
      mode: "onsite",
      status: "booked",
      outcome: "honoured",
      site: { name: "Lille Centre" },
    },
  };

  it("a referral's target gets the need and its meeting's id; a sender the meeting's time, place and outcome only", () => {
    expect(referralData(referral, "target")).toMatchObject({ need: referral.need, appointmentId: "a1", person });
    const sender = referralData(referral, "sender");
    expect(sender).toMatchObject({
      meeting: { startsAt: "2026-03-30T07:00:00.000Z", place: "Lille Centre", outcome: "honoured" },
      person,
    });
    expect(JSON.stringify(sender)).not.toContain("a1");
    expect(sender).not.toHaveProperty("need");
  });

  it("an availability change names the advisor and the period, and no person", () => {
    const data = availabilityData({ structureId: "s1", advisorId: "u1", kind: "absence.create", from: "2026-03-30", to: null });
    expect(data).toEqual({
      structure: { id: "s1" },
      advisor: { id: "u1" },
      change: "absence.create",
      period: { from: "2026-03-30", to: null },
    });
  });

  it("types read as Standard Webhooks writes them", () => {
    expect(eventType("appointment_booked")).toBe("appointment.booked");
    expect(eventType("availability_changed")).toBe("availability.changed");
  });
});
