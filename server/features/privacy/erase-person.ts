import type { Tx } from "../../db/database.ts";
import { formatLongFr } from "../../domain/time.ts";
import { AppError } from "../../errors.ts";
import { anonymisePersons } from "./anonymise.ts";
import { upcomingAppointments } from "./person-summary.ts";

/**
 * Erases a person at their request, in the caller's transaction. Refused while a booked meeting
 * is still to come: once erased, nobody could tell them it is cancelled or moved, and the
 * advisor would wait for someone without a name. Already erased: nothing more to do.
 */
export async function erasePerson(tx: Tx, personId: string, now: Date): Promise<{ id: string; erased: boolean }> {
  // Locked first: a booking for this person (the desk's « déjà venue ») waits for the erasure,
  // then sees it.
  const [row] = await tx.$queryRaw<{ anonymisedAt: Date | null }[]>`
    SELECT "anonymisedAt" FROM "Person" WHERE "id" = ${personId}::uuid FOR UPDATE`;
  if (!row) throw new AppError("NOT_FOUND", "Personne introuvable.");
  if (row.anonymisedAt) return { id: personId, erased: false };
  const upcoming = await upcomingAppointments(tx, personId, now);
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
  await anonymisePersons(tx, [personId], now, { closeOpenReferrals: true });
  return { id: personId, erased: true };
}
