import type { Scope } from "../../auth/scope.ts";
import type { Database } from "../../db/database.ts";
import { scoped } from "../admin/access.ts";

/** An endpoint of a structure the user runs, or a 404 (also when it does not exist). */
export async function ownedEndpoint(db: Database, scope: Scope, id: string) {
  const endpoint = await db.prisma.webhookEndpoint.findUnique({ where: { id } });
  return scoped(endpoint, (structureId) => scope.manages(structureId), "Webhook");
}
