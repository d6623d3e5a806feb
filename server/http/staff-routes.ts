import { createRoute, type RouteConfig, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { staffScope } from "../auth/http.ts";
import type { AppEnv } from "../context.ts";
import { type AuditEntry, recordAudit } from "../db/audit.ts";
import type { PrismaClient, Tx } from "../db/database.ts";
import { isUniqueViolation } from "../db/errors.ts";
import { AppError } from "../errors.ts";
import { errorResponse } from "./router.ts";

// What every route of the staff space shares: its documented failures, JSON bodies and
// answers, the 409 of a unique constraint, and a change written with its audit event.

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

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { "application/json": { schema } },
});
export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
export const Created = z.object({ id: z.uuid() });
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

/**
 * Runs a change and writes its audit event in one transaction: a change is never without its
 * trace, nor a trace without its change. The change returns the id of the record it touched.
 * It runs on the user's own client: what it reads or writes of personal data stays in their
 * rows (scope.ts), unless a route passes another `client` for a right it checked itself.
 */
export async function audited<T extends { id: string }>(
  c: Context<AppEnv>,
  event: Pick<AuditEntry, "action" | "entity" | "details">,
  change: (tx: Tx) => Promise<T>,
  client?: PrismaClient,
): Promise<T> {
  const scope = await staffScope(c);
  return (client ?? scope.prisma).$transaction(async (tx) => {
    const result = await change(tx);
    await recordAudit(tx, { actorId: scope.userId, ...event, entityId: result.id }, c.var.deps.clock.now());
    return result;
  });
}
