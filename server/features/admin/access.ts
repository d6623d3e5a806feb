import type { Scope } from "../../auth/scope.ts";
import type { Database } from "../../db/database.ts";
import { AppError, validationError } from "../../errors.ts";

// What the administration's verbs check before they change anything: communes that exist, and
// records of structures the user runs (404 otherwise, as for a record that does not exist).

/** 422 naming `field` when some of the INSEE codes are not communes of the region. */
export async function checkCommunes(db: Database, codes: readonly string[] | undefined, field = "communes") {
  if (!codes?.length) return;
  const known = await db.prisma.commune.findMany({ where: { code: { in: [...codes] } }, select: { code: true } });
  const missing = codes.filter((code) => !known.some((k) => k.code === code));
  if (missing.length) throw validationError({ [field]: `commune inconnue : ${missing.slice(0, 5).join(", ")}.` });
}

/** The structure a record belongs to, if the user runs it; a 404 otherwise (or if there is no such record). */
export function scoped<T extends { structureId: string }>(
  record: T | null,
  allowed: (structureId: string) => boolean,
  what: string,
): T {
  if (!record || !allowed(record.structureId)) throw new AppError("NOT_FOUND", `${what} introuvable.`);
  return record;
}

/** A structure the user runs, or a 404 (also when it does not exist). */
export async function managedStructure(db: Database, scope: Scope, id: string) {
  const structure = scope.manages(id)
    ? await db.prisma.structure.findUnique({
        where: { id },
        select: { id: true, name: true, timeZone: true, network: { select: { kind: true } } },
      })
    : null;
  if (!structure) throw new AppError("NOT_FOUND", "Structure introuvable.");
  return structure;
}
