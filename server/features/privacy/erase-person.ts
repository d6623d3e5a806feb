import type { Scope } from "../../auth/scope.ts";
import type { StaffDeps } from "../../context.ts";
import { audited } from "../../db/audit.ts";
import { type Database, sqlIn, type Tx } from "../../db/database.ts";
import { formatLongFr } from "../../domain/time.ts";
import { AppError } from "../../errors.ts";
import { forgetCopies } from "../../mail/copies.ts";
import { lockPerson } from "../appointments/live-person.ts";
import type { WaitlistContext } from "../waitlist/offer-freed-time.ts";
import { endWaiting } from "../waitlist/pass-on.ts";
import { anonymisePersons, detachPerson } from "./anonymise.ts";
import { heldBy, personInScope } from "./person-scope.ts";
import { upcomingAppointments } from "./person-summary.ts";

/**
 * Erases a person's data at their request (RGPD art. 17): what the user's structures hold of
 * them, everywhere for the Région; irreversible, audited without the person's details. A
 * retry once erased is answered as the erasure was.
 */
export async function erasePerson(deps: StaffDeps & { input: { id: string } }) {
  const { db, clock, config, scope, input } = deps;
  const held = await heldOrErased(db, scope, input.id);
  if ("erasedAt" in held) return { anonymisedAt: held.erasedAt.toISOString(), everywhere: false };
  const { person } = held;
  const now = clock.now();
  const details = person.structureIds ? { structureId: person.structureIds[0] } : {};
  // The erasure reaches rows outside the user's own (the person's other meetings, when the
  // Région erases everywhere; the stand-in of a structure's erasure): the database's client,
  // once personInScope has said what is theirs to erase.
  const done = await audited(
    deps,
    { action: person.structureIds ? "person.erased" : "person.erased_everywhere", entity: "Person", details },
    (tx) => eraseHeld(tx, person.id, person.structureIds, { now, config }),
    db.prisma,
  );
  await forgetCopies(config, done.messageIds);
  const after = await db.prisma.person.findUniqueOrThrow({ where: { id: person.id }, select: { anonymisedAt: true } });
  // A structure's erasure leaves the person to whoever else meets them: nothing here says so.
  const anonymisedAt = person.structureIds ? now : (after.anonymisedAt ?? now);
  return { anonymisedAt: anonymisedAt.toISOString(), everywhere: !person.structureIds };
}

/**
 * What the user may erase of this person (personInScope); or, once a structure they run has
 * erased what it held of them and holds nothing more, when it did: a retry of the erasure is
 * answered as the erasure was. What it holds of them again (a new meeting) is erased in turn.
 */
async function heldOrErased(
  db: Database,
  scope: Scope,
  id: string,
): Promise<{ person: Awaited<ReturnType<typeof personInScope>> } | { erasedAt: Date }> {
  try {
    return { person: await personInScope(db, scope, id) };
  } catch (error) {
    const erasedAt = error instanceof AppError && error.code === "NOT_FOUND" ? await previousErasure(scope, id) : undefined;
    if (!erasedAt) throw error;
    return { erasedAt };
  }
}

/** When one of the structures the user runs erased this person, if it did. */
async function previousErasure(scope: Scope, personId: string): Promise<Date | undefined> {
  const managed = scope.managedIds();
  if (!managed) return undefined;
  const events = await scope.prisma.auditEvent.findMany({
    where: { action: "person.erased", entity: "Person", entityId: personId },
    select: { at: true, details: true },
  });
  return events.find((e) => managed.includes((e.details as { structureId?: string } | null)?.structureId ?? ""))?.at;
}

/**
 * Erases a person at their request, in the caller's transaction: what these structures hold of
 * them (`detachPerson`), or everywhere for the Région (`structureIds` undefined). Refused while
 * a booked meeting there is still to come: once erased, nobody could tell them it is cancelled
 * or moved, and the advisor would wait for someone without a name. When no structure holds
 * anything of them any more, the person is anonymised whole. Returns the ids of the e-mails
 * deleted (their written copies go once committed).
 */
async function eraseHeld(
  tx: Tx,
  personId: string,
  structureIds: readonly string[] | undefined,
  context: WaitlistContext,
): Promise<{ id: string; erased: boolean; messageIds: string[] }> {
  const { now } = context;
  // Locked first: a booking for this person (the desk's « déjà venue ») waits for the erasure,
  // then sees it.
  const row = await lockPerson(sqlIn(tx), personId);
  if (!row) throw new AppError("NOT_FOUND", "Personne introuvable.");
  if (row.anonymised) return { id: personId, erased: false, messageIds: [] };
  const upcoming = await upcomingAppointments(tx, personId, structureIds, now);
  if (upcoming.length > 0) {
    const list = upcoming.map(
      (a) => `${a.offering.service.name} à ${a.structure.name}, le ${formatLongFr(a.startsAt, a.structure.timeZone)}`,
    );
    throw new AppError(
      "CONFLICT",
      `${upcoming.length === 1 ? "Un rendez-vous est encore prévu" : `${upcoming.length} rendez-vous sont encore prévus`} : ${list.join(" ; ")}. ` +
        "Annulez-les d'abord (la personne en est prévenue), puis effacez ses données : après l'effacement, plus personne ne pourrait la prévenir.",
      { appointments: upcoming.map((a) => a.id) },
    );
  }
  // They leave these structures' lists (everyone's, erased everywhere); a slot held for them
  // goes to the next person, in this transaction.
  const places = await tx.waitlistEntry.findMany({
    where: { personId, endedAt: null, ...heldBy(structureIds).waitlist },
    select: { id: true },
  });
  for (const place of places) await endWaiting(sqlIn(tx), { entryId: place.id }, "erased", context);
  const messageIds = structureIds ? await detachPerson(tx, personId, structureIds, now) : [];
  const held = await Promise.all([
    tx.appointment.count({ where: { personId } }),
    tx.referral.count({ where: { personId } }),
    tx.waitlistEntry.count({ where: { personId } }),
  ]);
  if (!structureIds || held[0] + held[1] + held[2] === 0) {
    messageIds.push(...(await anonymisePersons(tx, [personId], now, { closeOpenReferrals: true })));
  }
  return { id: personId, erased: true, messageIds };
}
