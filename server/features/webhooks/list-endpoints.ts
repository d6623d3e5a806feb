import type { StaffDeps } from "../../context.ts";
import { managedStructure } from "../admin/access.ts";

/** A structure's webhooks, oldest first: where, what, and whether they are still sent to. */
export async function listEndpoints(deps: StaffDeps & { input: { id: string } }) {
  const { db, scope, input } = deps;
  await managedStructure(db, scope, input.id);
  const endpoints = await db.prisma.webhookEndpoint.findMany({ where: { structureId: input.id }, orderBy: { createdAt: "asc" } });
  const now = deps.clock.now();
  return {
    endpoints: endpoints.map((e) => ({
      id: e.id,
      url: e.url,
      description: e.description,
      events: e.events,
      createdAt: e.createdAt.toISOString(),
      disabledAt: e.disabledAt?.toISOString() ?? null,
      disabledReason: e.disabledReason,
      failures: e.failures,
      previousSecretUntil: e.previousUntil && e.previousUntil > now ? e.previousUntil.toISOString() : null,
    })),
  };
}
