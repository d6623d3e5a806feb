import type { SqlSession } from "../../db/database.ts";
import { AppError } from "../../errors.ts";

/** A known person whose row this transaction holds locked, not erased (`lockLivePerson`). */
export interface LivePerson {
  id: string;
  live: true;
}

/**
 * Takes the lock an erasure takes first, on a person's row: whichever of a change about them
 * and an erasure comes second sees the other. Undefined when there is no such person.
 */
export async function lockPerson(sql: SqlSession, personId: string): Promise<{ anonymised: boolean } | undefined> {
  const [row] = await sql.query<{ anonymised: boolean }>(
    `SELECT "anonymisedAt" IS NOT NULL AS anonymised FROM "Person" WHERE "id" = $1::uuid FOR UPDATE`,
    [personId],
  );
  return row;
}

/** A booking for someone erased: book as for someone new. */
const cannotBook = () =>
  new AppError(
    "CONFLICT",
    "Les données de cette personne ont été effacées : aucun rendez-vous ne peut plus être pris pour elle. Si elle revient, réservez comme pour une nouvelle personne.",
    { fields: { person: "Les données de cette personne ont été effacées." } },
  );

/**
 * Locks a known person for a change about them, refused (409) once their data is erased: a
 * meeting or a note would be about « Personne anonymisée », whom nobody can tell of it. Taken
 * once per transaction, before anything else about the person is written.
 */
export async function lockLivePerson(sql: SqlSession, personId: string, refusal = cannotBook): Promise<LivePerson> {
  if ((await lockPerson(sql, personId))?.anonymised) throw refusal();
  return { id: personId, live: true };
}
