import { day, time } from "../../../emails/format.ts";
import { appointmentIcsFile } from "../../../emails/ics.ts";
import { hashSecret } from "../../auth/hash-secret.ts";
import type { Deps } from "../../context.ts";
import { sqlIn, type Tx } from "../../db/database.ts";
import { retried } from "../../db/errors.ts";
import { canBecome, stateOf } from "../../domain/appointment-states.ts";
import { linkIsLive } from "../../domain/booking.ts";
import { joinProblem } from "../../domain/waitlist.ts";
import { AppError } from "../../errors.ts";
import { cancelAppointment } from "../appointments/cancel.ts";
import { type AppointmentRow, loadAppointment, toDetails } from "../appointments/details.ts";
import { moveAppointment } from "../appointments/move.ts";
import { publicAppointment } from "../appointments/public-view.ts";
import { securingSlot } from "../appointments/slot-taken.ts";
import { entrySelect, entryView } from "../waitlist/entry-view.ts";
import { personView } from "./person-view.ts";

const TOKEN = /^[A-Za-z0-9_-]{22}$/;
export const deadLink = () =>
  new AppError(
    "NOT_FOUND",
    "Ce lien n'est plus valable : le rendez-vous a été annulé ou est passé, ou l'adresse est incomplète.",
  );

const cancelledLink = (at: Date, zone: string) =>
  new AppError("NOT_FOUND", `Ce rendez-vous a été annulé le ${day(at, zone)} à ${time(at, zone)} : ce lien ne sert plus.`);

const markedLink = () =>
  new AppError(
    "NOT_FOUND",
    "Ce rendez-vous a eu lieu ou votre absence y est notée : ce lien ne sert plus. Pour un autre rendez-vous, contactez la structure.",
  );

/** The appointment a live private link leads to, as found (not locked): a 404 for any other link. */
export async function liveLink(tx: Tx, token: string, now: Date) {
  if (!TOKEN.test(token)) throw deadLink();
  const found = await tx.appointment.findUnique({
    where: { manageTokenHash: hashSecret(token) },
    select: {
      id: true,
      offeringId: true,
      personId: true,
      structureId: true,
      status: true,
      outcome: true,
      endsAt: true,
      manageTokenRevokedAt: true,
      cancelledAt: true,
      structure: { select: { timeZone: true } },
    },
  });
  if (
    !found ||
    !linkIsLive({ status: found.status, outcome: found.outcome, end: found.endsAt, revokedAt: found.manageTokenRevokedAt }, now)
  ) {
    // A cancelled meeting's own link says so, and when: « annulé » beats a generic dead link.
    if (found?.status === "cancelled" && found.cancelledAt) throw cancelledLink(found.cancelledAt, found.structure.timeZone);
    if (found?.outcome) throw markedLink();
    throw deadLink();
  }
  const { cancelledAt: _, structure: __, outcome: ___, ...live } = found;
  return live;
}

/**
 * The appointment a live private link leads to; for a change (`to`: cancelled, or booked for a
 * move), locked for the rest of the transaction and checked against the states' table.
 */
async function byToken(
  tx: Tx,
  token: string,
  now: Date,
  to?: "cancelled" | "booked",
): Promise<AppointmentRow & { offeringId: string }> {
  const found = await liveLink(tx, token, now);
  if (to) {
    // Two changes through the same link (a double click, two tabs) happen one after the other,
    // and after an outcome staff record meanwhile.
    await tx.$executeRaw`SELECT 1 FROM "Appointment" WHERE id = ${found.id}::uuid FOR UPDATE`;
    const again = await tx.appointment.findUnique({ where: { id: found.id }, select: { status: true, outcome: true } });
    if (!again || !canBecome(stateOf(again), to)) throw again?.outcome ? markedLink() : deadLink();
  }
  return { ...(await loadAppointment(sqlIn(tx), found.id)), offeringId: found.offeringId };
}

/** What the private link's verbs run with: no user, the link is the proof. */
export type LinkDeps = Pick<Deps, "db" | "clock" | "config">;

export async function getManagedAppointment({ db, clock }: LinkDeps, token: string) {
  const now = clock.now();
  const row = await byToken(db.prisma, token, now);
  const [entry, offering] = await Promise.all([
    db.prisma.waitlistEntry.findFirst({ where: { appointmentId: row.id, endedAt: null }, select: entrySelect }),
    db.prisma.offering.findUniqueOrThrow({ where: { id: row.offeringId }, select: { modes: true } }),
  ]);
  return {
    appointment: publicAppointment(row),
    person: personView(row.person),
    waitlist: entry && entryView(entry),
    // The modes a wish may name: the service's.
    waitlistModes: offering.modes,
    // « Me prévenir si un créneau se libère plus tôt » is offered, or why not.
    waitlistProblem: joinProblem({ start: row.startsAt, seats: row.offering.seats }, now) ?? null,
  };
}

export async function managedAppointmentIcs({ db, clock, config }: LinkDeps, token: string) {
  const now = clock.now();
  const row = await byToken(db.prisma, token, now);
  return appointmentIcsFile(toDetails(row, `${config.publicUrl}/rdv/${token}`), now);
}

/** The person cancels: the link is revoked, reminders withdrawn, a CANCEL sent to both sides. */
export async function cancelByPerson({ db, clock, config }: LinkDeps, token: string, reason: string | undefined) {
  const now = clock.now();
  return db.prisma.$transaction(async (tx) => {
    const row = await byToken(tx, token, now, "cancelled");
    const cancelled = await cancelAppointment(tx, row.id, { by: "person", reason: reason || null }, { now, config });
    return { appointment: publicAppointment(cancelled) };
  });
}

/**
 * The person moves the meeting to another slot of the same offering. The row is updated in
 * place, in one transaction: the old time is released only when the new one is secured, and
 * the exclusion constraint still guards the new time against any concurrent booking.
 */
export async function rescheduleByPerson({ db, clock, config }: LinkDeps, token: string, slotKey: string) {
  const now = clock.now();
  return securingSlot(db, slotKey, now, (ref) =>
    retried(() =>
      db.prisma.$transaction(async (tx) => {
        const row = await byToken(tx, token, now, "booked");
        const moved = await moveAppointment(
          sqlIn(tx),
          row,
          {
            ref,
            audience: "public",
            refusal: (offering) =>
              offering.id === row.offeringId ? undefined : "Choisissez un créneau du même service et de la même structure.",
            manageUrl: `${config.publicUrl}/rdv/${token}`,
          },
          { now, config },
        );
        return { appointment: publicAppointment(moved) };
      }),
    ),
  );
}
