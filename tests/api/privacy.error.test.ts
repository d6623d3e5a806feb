import { describe, expect, it } from "vitest";
import { sqlIn } from "../../server/db/database.ts";
import { AppError } from "../../server/errors.ts";
import { lockLivePerson } from "../../server/features/appointments/live-person.ts";
import { anonymiseExpired } from "../../server/features/privacy/retention.ts";
import { bookForReferral } from "../../server/features/referrals/book-for-referral.ts";
import { loadReferral, type ReferralRow } from "../../server/features/referrals/referrals.ts";
import { decodeSlotKey } from "../../server/features/slots/slot-key.ts";
import { usePrivacy } from "../helpers/privacy.ts";

// What the personal-data lifecycle refuses, and how it says so: settings out of bounds, and
// anything more for a person once erased.
const { clock, env, send, deps, MONTH_MS, personMet, personRow, openReferral, post } = usePrivacy();

describe("the settings", () => {
  it("refuse a retention period out of bounds with a 422 naming the field, and keep the one set", async () => {
    for (const retentionMonths of [0, 5, 121, 12.5, "24"]) {
      const res = await send("PATCH", "/admin/settings", env.fx.cookies.regionalAdmin, { retentionMonths });
      expect(res.status).toBe(422);
      expect(Object.keys(res.body.error.fields)).toEqual(["retentionMonths"]);
      expect(res.body.error.message).toMatch(/« durée de conservation »/);
    }
    expect((await send("PATCH", "/admin/settings", env.fx.cookies.regionalAdmin, {})).status).toBe(422);
    expect((await send("GET", "/admin/settings", env.fx.cookies.regionalAdmin)).body.retentionMonths).toBe(24);
    // Nothing changed, so nothing to audit.
    expect(await env.db.prisma.auditEvent.count({ where: { action: "settings.update" } })).toBe(0);
  });

  it("refuse to preview a period out of bounds", async () => {
    const bad = await send("GET", "/admin/settings/retention-preview?months=3", env.fx.cookies.regionalAdmin);
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error.fields)).toEqual(["months"]);
  });

  it("refuse a data protection officer's contact that is neither an address nor a postal one, saying so", async () => {
    for (const dpoContact of ["dpo@", "x".repeat(201), 12]) {
      const res = await send("PATCH", "/admin/settings", env.fx.cookies.regionalAdmin, { dpoContact });
      expect(res.status).toBe(422);
      expect(Object.keys(res.body.error.fields)).toEqual(["dpoContact"]);
      expect(res.body.error.fields.dpoContact).toMatch(/délégué/);
    }
    expect(await (await env.app.request("/api/privacy")).json()).toEqual({ retentionMonths: 24, dpoContact: "" });
  });
});

describe("after an erasure, nothing more for the person", () => {
  it("closes their open referrals, which can then be neither answered nor booked", async () => {
    const met = await personMet(2);
    const sent = await openReferral(met.person.id, "sent");
    const accepted = await openReferral(met.person.id, "accepted");
    const slotKey = (await send("GET", `/referrals/${accepted.id}/slots`, env.fx.cookies.structureAdmin)).body.slots[0].key;
    expect((await send("POST", `/people/${met.person.id}/erase`, env.fx.cookies.structureAdmin, { confirm: true })).status).toBe(
      200,
    );

    for (const referral of [sent, accepted]) {
      const row = await env.db.prisma.referral.findUniqueOrThrow({
        where: { id: referral.id },
        include: { events: { orderBy: { at: "asc" } } },
      });
      expect(row.status).toBe("expired");
      expect(row.events.at(-1)).toMatchObject({ kind: "expired", detail: "données de la personne effacées" });
      expect(await env.db.prisma.outboxMessage.count({ where: { referralId: referral.id } })).toBe(0);
      const view = await send("GET", `/referrals/${referral.id}`, env.fx.cookies.structureAdmin);
      expect(view.body.referral.can).toEqual({
        accept: false,
        decline: false,
        redirect: false,
        book: false,
        invite: false,
        readdress: false,
        waitlist: false,
      });
    }
    // Not even a new invitation brings it back.
    const invite = await send("POST", `/referrals/${accepted.id}/invitation`, env.fx.cookies.referrer, { email: false });
    expect(invite.status).toBe(409);
    expect(invite.body.error.message).toMatch(/effacées/);
    const before = await env.db.prisma.appointment.count();
    const booked = await post(`/referrals/${accepted.id}/booking`, env.fx.cookies.structureAdmin, { slotKey });
    expect(booked.status).toBe(409);
    expect(booked.body.error.message).toMatch(/effacées/);
    expect(await env.db.prisma.appointment.count()).toBe(before);
  });

  it("refuses a booking for them with a 409 even when it was opened before the erasure (invitation, referral)", async () => {
    const met = await personMet(2);
    const referral = await openReferral(met.person.id, "accepted");
    const slotKey = (await send("GET", `/referrals/${referral.id}/slots`, env.fx.cookies.structureAdmin)).body.slots[0].key;
    // What the invitation's or the referral's booking read before the erasure committed.
    const stale = (await loadReferral(env.db, referral.id)) as ReferralRow;
    await send("POST", `/people/${met.person.id}/erase`, env.fx.cookies.structureAdmin, { confirm: true });
    const before = await env.db.prisma.appointment.count();
    const ref = decodeSlotKey(slotKey);
    if (!ref) throw new Error("slot key");
    const attempt = env.db.prisma.$transaction(async (tx) => {
      // As the erasure already closed it, put it back as the stale read saw it: only the person's lock stands.
      await tx.referral.update({ where: { id: referral.id }, data: { status: "accepted" } });
      // As both bookings do: the person's lock first, then the referral's booking.
      const person = await lockLivePerson(sqlIn(tx), stale.person.id);
      return bookForReferral(tx, stale, person, { ref, now: clock.now(), config: deps().config, audience: "public", byId: null });
    });
    await expect(attempt).rejects.toSatisfy((e) => e instanceof AppError && e.code === "CONFLICT" && /effacées/.test(e.message));
    expect(await env.db.prisma.appointment.count()).toBe(before);
    expect((await env.db.prisma.referral.findUniqueOrThrow({ where: { id: referral.id } })).status).toBe("expired");
  });

  it("refuses a follow-up at the desk and private notes with a 409", async () => {
    const met = await personMet(2);
    await send("POST", `/people/${met.person.id}/erase`, env.fx.cookies.structureAdmin, { confirm: true });
    const slots = (await send("GET", `/desk/slots?offering=${env.fx.offering.id}&from=2026-10-27`, env.fx.cookies.reception)).body
      .slots as { key: string }[];
    const followUp = await post("/desk/bookings", env.fx.cookies.reception, {
      slotKey: slots[0]?.key,
      followUpOf: met.appointment.id,
    });
    expect(followUp.status).toBe(409);
    expect(followUp.body.error.fields).toHaveProperty("followUpOf");
    const notes = await send("PATCH", `/agenda/appointments/${met.appointment.id}`, env.fx.cookies.structureAdmin, {
      notes: "Revenue sans rendez-vous.",
    });
    expect(notes.status).toBe(409);
    expect(notes.body.error.fields).toHaveProperty("notes");
    expect((await env.db.prisma.appointment.findUniqueOrThrow({ where: { id: met.appointment.id } })).notes).toBe("");
  });

  it("the retention job leaves a stale referral's state, for the figures, and nobody can act on it", async () => {
    const met = await personMet(30);
    const old = await openReferral(met.person.id, "sent", new Date(clock.now().getTime() - 30 * MONTH_MS));
    await anonymiseExpired(deps(), clock.now());
    expect((await personRow(met.person.id)).anonymisedAt).not.toBeNull();
    expect((await env.db.prisma.referral.findUniqueOrThrow({ where: { id: old.id } })).status).toBe("sent");
    const accept = await send("POST", `/referrals/${old.id}/accept`, env.fx.cookies.advisor, {});
    expect(accept.status).toBe(409);
  });
});
