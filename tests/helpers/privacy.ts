import { randomUUID } from "node:crypto";
import { fixedClock } from "../../server/clock.ts";
import { testDeps } from "./app.ts";
import { atFixture } from "./fixtures.ts";
import { sender, useStaffApp } from "./staff.ts";

/**
 * For a test file of the personal-data lifecycle: `useStaffApp` on Monday 26 October 2026,
 * 10 h 00 in Paris, and people met at the PIC VAE with everything personal data lands in.
 */
export function usePrivacy() {
  const clock = fixedClock("2026-10-26T09:00:00Z");
  const env = useStaffApp(clock);
  const send = sender(env);
  const deps = () => testDeps(env.db, { clock });
  const MONTH_MS = 30.5 * 86_400_000;
  let slot = 0;

  /**
   * Someone met `monthsAgo` months ago (negative: a meeting to come) at the PIC VAE, whom the
   * partner's referrer had referred there, with everything personal data lands in: notes, needs,
   * a private link, e-mails, a replayable booking answer, a timeline.
   */
  async function personMet(monthsAgo: number, opts: { status?: "booked" | "cancelled"; firstName?: string } = {}) {
    const p = env.db.prisma;
    // Whole hours apart, so that no two meetings of the advisor overlap.
    const startsAt = new Date(
      Math.round((clock.now().getTime() - monthsAgo * MONTH_MS) / 3_600_000) * 3_600_000 + ++slot * 3_600_000,
    );
    const person = await p.person.create({
      data: {
        firstName: opts.firstName ?? "Léa",
        lastName: "Durand",
        email: "lea.durand@example.org",
        phone: "+33612345678",
        birthYear: 1990,
        situation: "employee",
        communeCode: "59350",
        createdAt: startsAt,
        lastActivityAt: new Date(Math.min(startsAt.getTime(), clock.now().getTime())),
      },
    });
    const appointment = await p.appointment.create({
      data: {
        ...atFixture(env.fx),
        personId: person.id,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 45 * 60_000),
        status: opts.status ?? "booked",
        outcome: monthsAgo > 0 && opts.status !== "cancelled" ? "honoured" : null,
        channel: "referral",
        manageTokenHash: `hash-${person.id}`,
        accessibilityAids: ["wheelchair", "hearing_loop"],
        accessibilityNeeds: "Fauteuil roulant",
        notes: "Projet de VAE d'aide-soignante.",
        cancelReason: opts.status === "cancelled" ? "Empêchement de Léa" : null,
        cancelledAt: opts.status === "cancelled" ? startsAt : null,
      },
    });
    const referral = await p.referral.create({
      data: {
        fromStructureId: env.fx.partner.id,
        referrerId: env.fx.users.referrer.id,
        toStructureId: env.fx.structure.id,
        serviceId: env.fx.services.vae.id,
        personId: person.id,
        need: "Léa veut faire valider son expérience d'aide-soignante.",
        consentAt: startsAt,
        status: "booked",
        appointmentId: appointment.id,
        invitationTokenHash: `token-${person.id}`,
        invitationCodeHash: `code-${person.id}`,
        createdAt: startsAt,
        events: { create: [{ at: startsAt, kind: "created", detail: "Léa Durand, à rappeler le soir" }] },
      },
    });
    // Prisma sets updatedAt itself: the referral's last change is set back to its time here.
    await p.$executeRaw`UPDATE "Referral" SET "updatedAt" = ${startsAt} WHERE "id" = ${referral.id}::uuid`;
    await p.outboxMessage.createMany({
      data: [
        {
          type: "appointment.booked",
          recipient: "lea.durand@example.org",
          dueAt: startsAt,
          payload: {},
          appointmentId: appointment.id,
          status: "sent",
          sentAt: startsAt,
        },
        {
          type: "referral.invitation",
          recipient: "lea.durand@example.org",
          dueAt: startsAt,
          payload: {},
          referralId: referral.id,
          status: "sent",
          sentAt: startsAt,
        },
      ],
    });
    await p.idempotencyKey.create({
      data: {
        key: `booking:${person.id}`,
        requestHash: "0".repeat(64),
        status: 201,
        response: { appointment: { id: appointment.id, person: { firstName: "Léa" } }, manageUrl: "https://rdv.test/rdv/secret" },
        createdAt: clock.now(),
      },
    });
    return { person, appointment, referral };
  }

  /** What the dashboards count: meetings by structure, service, status, outcome and channel; referrals by flow and status. */
  async function aggregates() {
    const p = env.db.prisma;
    const appointments = await p.appointment.groupBy({
      by: ["structureId", "offeringId", "advisorId", "status", "outcome", "channel", "mode"],
      _count: { _all: true },
      orderBy: [{ structureId: "asc" }, { offeringId: "asc" }, { status: "asc" }, { outcome: "asc" }, { channel: "asc" }],
    });
    const referrals = await p.referral.groupBy({
      by: ["fromStructureId", "toStructureId", "serviceId", "status"],
      _count: { _all: true },
      orderBy: [{ fromStructureId: "asc" }, { toStructureId: "asc" }, { status: "asc" }],
    });
    const events = await p.referralEvent.groupBy({ by: ["kind"], _count: { _all: true }, orderBy: { kind: "asc" } });
    return { appointments, referrals, events };
  }

  const personRow = (id: string) => env.db.prisma.person.findUniqueOrThrow({ where: { id } });

  /** A referral of the person to the PIC VAE still waiting for its meeting (« sent » or « accepted »). */
  async function openReferral(personId: string, status: "sent" | "accepted", createdAt = clock.now()) {
    const referral = await env.db.prisma.referral.create({
      data: {
        fromStructureId: env.fx.partner.id,
        referrerId: env.fx.users.referrer.id,
        toStructureId: env.fx.structure.id,
        serviceId: env.fx.services.vae.id,
        personId,
        need: "Léa veut changer de métier.",
        consentAt: createdAt,
        status,
        createdAt,
        events: { create: [{ at: createdAt, kind: "created" }] },
      },
    });
    await env.db.prisma.$executeRaw`UPDATE "Referral" SET "updatedAt" = ${createdAt} WHERE "id" = ${referral.id}::uuid`;
    await env.db.prisma.outboxMessage.create({
      data: {
        type: "referral.reminder",
        recipient: "lea.durand@example.org",
        dueAt: new Date(clock.now().getTime() + 86_400_000),
        payload: {},
        referralId: referral.id,
      },
    });
    return referral;
  }

  async function post(path: string, cookie: string, body: object, key = randomUUID()) {
    const res = await env.app.request(`/api${path}`, {
      method: "POST",
      headers: { Cookie: cookie, "Content-Type": "application/json", "Idempotency-Key": key },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: await res.json() };
  }
  return { clock, env, send, deps, MONTH_MS, personMet, aggregates, personRow, openReferral, post };
}
