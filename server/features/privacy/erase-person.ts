import { sqlIn, type Tx } from "../../db/database.ts";
import { formatLongFr } from "../../domain/time.ts";
import { AppError } from "../../errors.ts";
import { lockPerson } from "../appointments/live-person.ts";
import { anonymisePersons, detachPerson } from "./anonymise.ts";
import { upcomingAppointments } from "./person-summary.ts";

/**
 * Erases a person at their request, in the caller's transaction: what these structures hold of
 * them (`detachPerson`), or everywhere for the Région (`structureIds` undefined). Refused while
 * a booked meeting there is still to come: once erased, nobody could tell them it is cancelled
 * or moved, and the advisor would wait for someone without a name. When no structure holds
 * anything of them any more, the person is anonymised whole. Returns the ids of the e-mails
 * deleted (their written copies go once committed).
 */
export async function erasePerson(
  tx: Tx,
  personId: string,
  structureIds: readonly string[] | undefined,
  now: Date,
): Promise<{ id: string; erased: boolean; messageIds: string[] }> {
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
  const messageIds = structureIds ? await detachPerson(tx, personId, structureIds, now) : [];
  const held = await Promise.all([tx.appointment.count({ where: { personId } }), tx.referral.count({ where: { personId } })]);
  if (!structureIds || held[0] + held[1] === 0) {
    messageIds.push(...(await anonymisePersons(tx, [personId], now, { closeOpenReferrals: true })));
  }
  return { id: personId, erased: true, messageIds };
}
