import type { StaffDeps } from "../../context.ts";
import { audited } from "../../db/audit.ts";
import { sqlIn, type Tx } from "../../db/database.ts";
import { stillFits } from "../../domain/availability.ts";
import { type ToldBy, toldOf } from "../../domain/contact.ts";
import { phoneForPeople } from "../../domain/phone.ts";
import { localDateOf, toZonedIso } from "../../domain/time.ts";
import { AppError } from "../../errors.ts";
import { emitAvailabilityChanged } from "../../webhooks/emit.ts";
import { busyTimes } from "../appointments/busy-time.ts";
import { cancelAppointment } from "../appointments/cancel.ts";
import { loadAvailability, offeringSelect, toOfferingRow } from "../slots/load-availability.ts";
import { offerOpenedTime } from "../waitlist/offer-freed-time.ts";

export interface AffectedAppointment {
  id: string;
  start: string;
  service: string;
  person: { firstName: string; lastName: string };
}

/**
 * A meeting in the 409's list as the caller may see it: in full, or — to a token that may not
 * read appointments (an availability one) — its time only, no person, service or id.
 */
const shownTo = (scope: StaffDeps["scope"]) => (a: AffectedAppointment) =>
  scope.tokenMay("appointments_read") ? a : { start: a.start };

/** A meeting the change cancelled, and how its person hears of it; `phone` (shown), when someone must call. */
export interface CancelledMeeting extends AffectedAppointment {
  told: ToldBy[];
  phone: string | null;
}

/** A meeting of the advisor in another structure, in the change's way: when, nothing more. */
export interface Conflict {
  start: string;
  end: string;
}

/**
 * Advisors' coming meetings in a structure that no longer fit their availability, as the
 * transaction sees it. Run before and after a change, the difference is what the change would
 * orphan.
 */
export async function misfits(tx: Tx, structureId: string, advisorIds: string[], now: Date): Promise<AffectedAppointment[]> {
  const coming = await tx.appointment.findMany({
    // A meeting whose outcome is recorded (an absence excused ahead) is not left to cancel.
    where: { structureId, advisorId: { in: advisorIds }, status: "booked", outcome: null, startsAt: { gt: now } },
    orderBy: { startsAt: "asc" },
    select: {
      id: true,
      advisorId: true,
      startsAt: true,
      siteId: true,
      mode: true,
      person: { select: { firstName: true, lastName: true } },
      offering: { select: { ...offeringSelect, service: { select: { name: true } } } },
    },
  });
  const byOffering = new Map<string, typeof coming>();
  for (const meeting of coming) byOffering.set(meeting.offering.id, [...(byOffering.get(meeting.offering.id) ?? []), meeting]);
  const result: AffectedAppointment[] = [];
  for (const meetings of byOffering.values()) {
    const offering = toOfferingRow(meetings[0]?.offering ?? (undefined as never));
    const dates = meetings.map((m) => localDateOf(m.startsAt, offering.timeZone));
    const from = dates[0] ?? "";
    const to = dates.at(-1) ?? from;
    const input = (await loadAvailability(sqlIn(tx), [offering], { from, to, now, audience: "staff" })).get(offering.id);
    meetings.forEach((m, i) => {
      const wanted = { advisorId: m.advisorId, siteId: m.siteId, mode: m.mode, start: m.startsAt };
      if (input && stillFits(input, wanted, dates[i] ?? from)) return;
      result.push({
        id: m.id,
        start: toZonedIso(m.startsAt, offering.timeZone),
        service: m.offering.service.name,
        person: m.person,
      });
    });
  }
  return result.sort((a, b) => a.start.localeCompare(b.start));
}

/**
 * Makes a change to advisors' availability in a structure with its audit event, and looks at
 * the meetings it leaves outside: without a decision, a 409 lists the structure's own and
 * nothing is written; « cancel » cancels them and tells the people, and the answer lists them
 * with how each was told, or the number to call when no message reaches them. An absence also
 * falls on the advisor's meetings in their other structures: those are theirs, never cancelled
 * from here — listed as conflicts, times only (scope.ts), for someone to sort out with the
 * advisor; never in that list.
 */
export async function changeAvailability(
  deps: StaffDeps,
  target: {
    advisorIds: string[];
    structureId: string;
    onBooked?: "keep" | "cancel" | undefined;
    /** An absence's span: a meeting in it is the change's too, even one kept outside the hours before. */
    span?: { from: Date; to: Date };
    /** What the change covers for the structure's systems (webhooks): a range's dates ("YYYY-MM-DD", to null: no end), a removed absence's instants. */
    dates?: { from: string | null; to: string | null };
  },
  event: { action: string; entity: string; fields?: string[] },
  change: (tx: Tx) => Promise<{ id: string }>,
) {
  const { db, clock, config, scope } = deps;
  // Cancelling is an appointments' verb: an availability token alone may only keep them.
  if (target.onBooked === "cancel")
    scope.requireTokenPermission("appointments_write", "annuler les rendez-vous touchés (onBooked « cancel »)");
  const now = clock.now();
  const zone = (await db.prisma.structure.findUniqueOrThrow({ where: { id: target.structureId }, select: { timeZone: true } }))
    .timeZone;
  const span = target.span && target.span.to > now ? { from: max(target.span.from, now), to: target.span.to } : undefined;
  const conflicts: Conflict[] = span
    ? (await busyTimes(db, { advisorIds: target.advisorIds, ...span, structureId: target.structureId })).map((b) => ({
        start: toZonedIso(b.start, zone),
        end: toZonedIso(b.end, zone),
      }))
    : [];
  const details = { structureId: target.structureId, ...(event.fields && { fields: event.fields }) };
  return audited(deps, { action: event.action, entity: event.entity, details }, async (tx) => {
    const before = new Set((await misfits(tx, target.structureId, target.advisorIds, now)).map((a) => a.id));
    const within = new Set(
      span
        ? (
            await tx.appointment.findMany({
              where: {
                structureId: target.structureId,
                advisorId: { in: target.advisorIds },
                status: "booked",
                outcome: null,
                startsAt: { gt: now, lt: span.to },
                endsAt: { gt: span.from },
              },
              select: { id: true },
            })
          ).map((a) => a.id)
        : [],
    );
    const { id } = await change(tx);
    const orphaned = (await misfits(tx, target.structureId, target.advisorIds, now)).filter(
      (a) => !before.has(a.id) || within.has(a.id),
    );
    if (orphaned.length && !target.onBooked) {
      throw new AppError(
        "CONFLICT",
        orphaned.length === 1
          ? "Ce changement laisse un rendez-vous hors des disponibilités : le garder, ou l'annuler en prévenant la personne ?"
          : `Ce changement laisse ${orphaned.length} rendez-vous hors des disponibilités : les garder, ou les annuler en prévenant les personnes ?`,
        {
          affected: orphaned.map(shownTo(scope)),
          conflicts,
          fields: { onBooked: "Choisissez : garder (keep) ou annuler (cancel)." },
        },
      );
    }
    const cancelledMeetings: CancelledMeeting[] = [];
    if (target.onBooked === "cancel") {
      for (const a of orphaned) {
        const reason = "Le conseiller n'est plus disponible à cette heure.";
        // An absence they declare themselves cancels their meetings: not news to them.
        const { person } = await cancelAppointment(
          tx,
          a.id,
          { by: "structure", reason },
          { now, config, actorId: scope.user.id },
        );
        const told = toldOf(person);
        cancelledMeetings.push({ ...a, told: told.by, phone: told.call && phoneForPeople(told.call) });
      }
    }
    // Time opened (a range added or widened, an absence removed) goes to whoever waits for it.
    for (const advisorId of target.advisorIds) await offerOpenedTime(sqlIn(tx), advisorId, { now, config });
    const period = target.span
      ? { from: target.span.from.toISOString(), to: target.span.to.toISOString() }
      : (target.dates ?? { from: null, to: null });
    await emitAvailabilityChanged(
      sqlIn(tx),
      { now, secret: config.sessionSecret },
      { structureId: target.structureId, advisorIds: target.advisorIds, kind: event.action, ...period },
    );
    return { id, affected: orphaned.length, cancelled: cancelledMeetings.length, cancelledMeetings, conflicts };
  });
}

const max = (a: Date, b: Date) => (a > b ? a : b);
