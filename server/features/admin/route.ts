import { createRoute, type RouteConfig, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { requireStaff } from "../../auth/http.ts";
import { canManageStructure, type Roles } from "../../auth/policy.ts";
import type { AppEnv } from "../../context.ts";
import { type AuditEntry, recordAudit } from "../../db/audit.ts";
import type { Database, Tx } from "../../db/database.ts";
import { isUniqueViolation } from "../../db/errors.ts";
import { AppError, validationError } from "../../errors.ts";
import { errorResponse } from "../../http/router.ts";
import { Created } from "./schemas.ts";

const FAILURES = {
  401: errorResponse("Pas de session valide."),
  403: errorResponse("Le rôle ne donne pas accès à cette action."),
  404: errorResponse("Introuvable, ou hors de votre périmètre (la réponse est la même)."),
  409: errorResponse("Un identifiant déjà pris, ou un changement qui contredit l'état actuel."),
  422: errorResponse("Un champ est invalide, ou inconnu ; `fields` le nomme."),
};

/** A route of the staff space, under a tag of the API document, with the failures every one of them may answer. */
export const staffRoute =
  (tag: string) =>
  <const R extends RouteConfig>(route: R) =>
    createRoute({ ...route, tags: [tag], responses: { ...FAILURES, ...route.responses } });

export const adminRoute = staffRoute("Administration de l'annuaire");

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { "application/json": { schema } },
});
export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
export const created = (what: string) => ({ 201: json(Created, `${what} : son identifiant.`) });
export const done = { 200: json(z.object({}), "Fait.") };

/** Runs a write; a unique constraint it breaks becomes a 409 naming the field. */
export async function unique<T>(write: () => Promise<T>, field: string, message: string): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", message, { fields: { [field]: message } });
    throw error;
  }
}

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
export async function managedStructure(db: Database, roles: Roles, id: string) {
  const structure = canManageStructure(roles, id)
    ? await db.prisma.structure.findUnique({
        where: { id },
        select: { id: true, name: true, timeZone: true, network: { select: { kind: true } } },
      })
    : null;
  if (!structure) throw new AppError("NOT_FOUND", "Structure introuvable.");
  return structure;
}

/**
 * Runs a change and writes its audit event in one transaction: a change is never without its
 * trace, nor a trace without its change. The change returns the id of the record it touched.
 */
export function audited<T extends { id: string }>(
  c: Context<AppEnv>,
  event: Pick<AuditEntry, "action" | "entity" | "details">,
  change: (tx: Tx) => Promise<T>,
): Promise<T> {
  const { db, clock } = c.var.deps;
  const actorId = requireStaff(c).user.id;
  return db.prisma.$transaction(async (tx) => {
    const result = await change(tx);
    await recordAudit(tx, { actorId, ...event, entityId: result.id }, clock.now());
    return result;
  });
}
