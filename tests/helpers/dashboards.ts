import { beforeAll } from "vitest";
import type { Clock } from "../../server/clock.ts";
import { isoWeekday, localInstant } from "../../server/domain/time.ts";
import { atFixture } from "./fixtures.ts";
import { sender, useStaffApp } from "./staff.ts";

/**
 * For a test file of the coordination figures: `useStaffApp` on Thursday 26 November 2026
 * (`at` moves the clock) and October's data set, every number of which is worked out below.
 */
export function useDashboards() {
  let now = new Date("2026-11-26T09:00:00Z");
  const clock: Clock = { now: () => now };
  const at = (iso: string) => {
    now = new Date(iso);
  };
  const env = useStaffApp(clock);
  const send = sender(env);

  // The coordination figures against a data set built by hand, every number worked out below.
  // October 2026 (the clocks go back on Sunday 25th). The territory « Métropole lilloise » (Lille)
  // holds the PIC VAE of Lille and the CIBC of Lille; the CIO of Roubaix stands outside it.
  //
  // PIC VAE of Lille, 30 appointments of « Information-conseil VAE » (45 min), lead time in days:
  //   honoured  online ×6 (1 2 3 4 5 6) · reception ×3 (0 0 7) · advisor ×2 (8 9) · referral ×4 (2 4 6 8)
  //   no-show   referral ×1 (10) · online ×5 (20 each)
  //   excused   online ×2 (30 30) · no outcome yet: online ×1 (3) · cancelled: online ×6
  // → booked 30, honoured 15, no-show 6, excused 2 (masked), cancelled 6, unmarked 1 (masked);
  //   online 20, reception 3 (masked), advisor 2 (masked), referral 5; no-show rate 6/23 not given
  //   (it would give the 2 excused back);
  //   lead times of the 24 not cancelled, sorted: 0 0 1 2 2 3 3 4 4 5 6 6 | 7 8 8 9 10 20×5 30 30 → median 6.5.
  // Booked time: 24 × 45 min = 18 h. Offered in October (22 weekdays, no holiday):
  //   PIC 9–12 Mon–Fri = 66 h (VAE) + Tuesdays 14–16 ×4 = 8 h (collective session) → 74 h;
  //   CIBC Thursdays 14–16 ×5 = 10 h (VAE). Territory: 18 / 84 h = 0.214; PIC alone 18 / 74 = 0.243;
  //   VAE alone 18 / 76 h = 0.237.
  // CIO of Roubaix: 7 honoured online appointments (the Région sees them, the coordinator does not).
  // Referrals created in October: CCAS of Roubaix → PIC ×9 (booked ×5 with the referral appointments,
  // 2 4 6 8 10 days to the meeting → median 6; accepted, declined, sent, expired ×1 each);
  // PIC → CIO of Roubaix ×2, declined. → 11 in all; the acceptance rate (5 + 1) / (5 + 1 + 3) is not
  // given, its terms being masked; so are both flows (9 beside 11 would give the 2 back).

  const PARIS = "Europe/Paris";

  const octoberWeekdays = Array.from({ length: 31 }, (_, i) => `2026-10-${String(i + 1).padStart(2, "0")}`).filter(
    (d) => isoWeekday(d) <= 5,
  );

  type Spec = { outcome?: "honoured" | "no_show" | "excused"; cancelled?: boolean; channel: string; lead: number };
  const repeat = (n: number, spec: Spec | ((i: number) => Spec)) =>
    Array.from({ length: n }, (_, i) => (typeof spec === "function" ? spec(i) : spec));
  const PIC: Spec[] = [
    ...[1, 2, 3, 4, 5, 6].map((lead) => ({ outcome: "honoured" as const, channel: "online", lead })),
    ...[0, 0, 7].map((lead) => ({ outcome: "honoured" as const, channel: "reception", lead })),
    ...[8, 9].map((lead) => ({ outcome: "honoured" as const, channel: "advisor", lead })),
    ...repeat(5, { outcome: "no_show", channel: "online", lead: 20 }),
    ...repeat(2, { outcome: "excused", channel: "online", lead: 30 }),
    { channel: "online", lead: 3 },
    ...repeat(6, { cancelled: true, channel: "online", lead: 5 }),
    // Last, mid-October: their referrals, made when they were booked, fall in October too.
    ...[2, 4, 6, 8].map((lead) => ({ outcome: "honoured" as const, channel: "referral", lead })),
    { outcome: "no_show", channel: "referral", lead: 10 },
  ];

  beforeAll(async () => {
    const p = env.db.prisma;
    const fx = env.fx;
    const appointmentIds: string[] = [];
    let slot = 0;
    const nextStart = () => {
      const date = octoberWeekdays[Math.floor(slot / 3)] as string;
      const start = localInstant(date, (9 + (slot % 3)) * 60, PARIS) as Date;
      slot += 1;
      return start;
    };
    for (const spec of PIC) {
      const start = nextStart();
      const person = await p.person.create({ data: { firstName: "Léa", lastName: `Durand-${slot}` } });
      const a = await p.appointment.create({
        data: {
          ...atFixture(fx),
          personId: person.id,
          startsAt: start,
          endsAt: new Date(start.getTime() + 45 * 60_000),
          channel: spec.channel as "online",
          status: spec.cancelled ? "cancelled" : "booked",
          outcome: spec.outcome ?? null,
          createdAt: new Date(start.getTime() - spec.lead * 86_400_000 - 3_600_000),
        },
      });
      if (spec.channel === "referral") appointmentIds.push(a.id);
    }
    const otherSite = fx.other.sites[0]?.id as string;
    for (let i = 0; i < 7; i++) {
      const start = localInstant(octoberWeekdays[i] as string, 10 * 60, PARIS) as Date;
      const person = await p.person.create({ data: { firstName: "Yanis", lastName: `Roubaix-${i}` } });
      await p.appointment.create({
        data: {
          offeringId: fx.other.offerings[0]?.id as string,
          structureId: fx.other.id,
          siteId: otherSite,
          mode: "onsite",
          advisorId: fx.otherAdvisor.id,
          personId: person.id,
          startsAt: start,
          endsAt: new Date(start.getTime() + 60 * 60_000),
          channel: "online",
          outcome: "honoured",
          createdAt: new Date(start.getTime() - 2 * 86_400_000),
        },
      });
    }
    const refer = async (from: string, to: string, status: string, appointmentId?: string) => {
      const person = await p.person.create({ data: { firstName: "Inès", lastName: "Orientée" } });
      const appointment = appointmentId ? await p.appointment.findUniqueOrThrow({ where: { id: appointmentId } }) : null;
      const createdAt = appointment?.createdAt ?? new Date("2026-10-12T08:00:00Z");
      await p.referral.create({
        data: {
          fromStructureId: from,
          referrerId: fx.users.referrer.id,
          toStructureId: to,
          serviceId: fx.services.vae.id,
          personId: person.id,
          need: "VAE",
          consentAt: createdAt,
          createdAt,
          status: status as "sent",
          appointmentId: appointmentId ?? null,
        },
      });
    };
    for (const id of appointmentIds) await refer(fx.partner.id, fx.structure.id, "booked", id);
    for (const status of ["accepted", "declined", "sent", "expired"]) await refer(fx.partner.id, fx.structure.id, status);
    for (let i = 0; i < 2; i++) await refer(fx.structure.id, fx.other.id, "declined");

    const snapshot = (day: string, structureId: string, serviceId: string, days: number | null) => {
      const takenAt = localInstant(day, 5, PARIS) as Date;
      return {
        day: new Date(`${day}T00:00:00Z`),
        structureId,
        serviceId,
        takenAt,
        nextSlotAt: days === null ? null : new Date(takenAt.getTime() + days * 86_400_000),
      };
    };
    const vae = fx.services.vae.id;
    const cibc = (await p.structure.findUniqueOrThrow({ where: { slug: "cibc-lille" } })).id;
    await p.waitingTimeSnapshot.createMany({
      data: [
        snapshot("2026-10-01", fx.structure.id, vae, 2.5),
        snapshot("2026-10-01", cibc, vae, 1),
        snapshot("2026-10-02", fx.structure.id, vae, null),
        snapshot("2026-10-02", cibc, vae, 4),
        snapshot("2026-10-03", fx.structure.id, vae, null),
        snapshot("2026-10-03", cibc, vae, null),
        snapshot("2026-10-01", fx.other.id, fx.services.cep.id, 3),
      ],
    });
    await p.territory.create({
      data: { slug: "roubaix-tourcoing", name: "Roubaix-Tourcoing", communes: { create: [{ communeCode: "59512" }] } },
    });
  });

  const figures = async (query: string, cookie = env.fx.cookies.coordinator) => send("GET", `/dashboards?${query}`, cookie);
  return { clock, at, env, send, figures };
}

export const OCTOBER = "from=2026-10-01&to=2026-10-31";
