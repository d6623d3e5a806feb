import type { Context } from "hono";
import type { AppEnv } from "../context.ts";
import type { Database } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { requireStaff } from "./http.ts";
import { type Area, areasOf, type Roles } from "./policy.ts";

/** A staff user's roles, as the policy functions read them. */
export async function rolesOf(db: Database, userId: string): Promise<Roles> {
  const user = await db.prisma.staffUser.findUniqueOrThrow({
    where: { id: userId },
    select: {
      regionalAdmin: true,
      memberships: { select: { structureId: true, role: true } },
      coordinates: { select: { territoryId: true } },
    },
  });
  return {
    regionalAdmin: user.regionalAdmin,
    memberships: user.memberships,
    territories: user.coordinates.map((c) => c.territoryId),
  };
}

/**
 * The signed-in user and their roles, for a route of one area of the staff space. Someone
 * whose roles do not open that area at all gets a 403; within it, each route then answers 404
 * for a record outside their scope, so that guessing ids tells nothing.
 */
export async function requireArea(c: Context<AppEnv>, area: Area) {
  const staff = requireStaff(c);
  const roles = await rolesOf(c.var.deps.db, staff.user.id);
  if (!areasOf(roles).includes(area)) throw new AppError("FORBIDDEN", "Votre rôle ne donne pas accès à cet espace.");
  return { staff, roles };
}

/** 404 unless `allowed`: a record out of scope is answered as if it did not exist. */
export function inScope<T>(record: T | null | undefined, allowed: (record: T) => boolean, what: string): T {
  if (!record || !allowed(record)) throw new AppError("NOT_FOUND", `${what} introuvable.`);
  return record;
}

/** 403 for what the Région alone may do. */
export function requireRegion(roles: Roles) {
  if (!roles.regionalAdmin) throw new AppError("FORBIDDEN", "Seule l'administration régionale peut faire cette modification.");
}
