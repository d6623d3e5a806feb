import { z } from "@hono/zod-openapi";
import { requireArea, requireRegion } from "../../auth/roles.ts";
import { createRouter } from "../../http/router.ts";
import { adminRoute, json } from "./route.ts";

const Event = z.object({
  id: z.uuid(),
  at: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  details: z.unknown(),
  actor: z.object({ id: z.uuid(), firstName: z.string(), lastName: z.string() }).nullable(),
});

const list = adminRoute({
  method: "get",
  path: "/audit",
  summary: "Le journal des modifications, du plus récent au plus ancien (Région)",
  request: {
    query: z.object({
      entity: z.string().max(40).optional(),
      entityId: z.string().max(64).optional(),
      before: z.iso
        .datetime("date et heure ISO attendues.")
        .optional()
        .openapi({ description: "Page suivante : les événements antérieurs." }),
    }),
  },
  responses: { 200: json(z.object({ events: z.array(Event) }), "100 événements au plus.") },
});

export const auditLog = createRouter().openapi(list, async (c) => {
  const { roles } = await requireArea(c, "directory");
  requireRegion(roles);
  const { entity, entityId, before } = c.req.valid("query");
  const db = c.var.deps.db;
  const events = await db.prisma.auditEvent.findMany({
    where: { entity, entityId, ...(before && { at: { lt: new Date(before) } }) },
    orderBy: { at: "desc" },
    take: 100,
  });
  // The actor is named when shown, not in the log: an erased account leaves no name behind.
  const actors = await db.prisma.staffUser.findMany({
    where: { id: { in: [...new Set(events.flatMap((e) => (e.actorId ? [e.actorId] : [])))] } },
    select: { id: true, firstName: true, lastName: true },
  });
  return c.json(
    {
      events: events.map(({ actorId, at, ...e }) => ({
        ...e,
        at: at.toISOString(),
        actor: actors.find((a) => a.id === actorId) ?? null,
      })),
    },
    200,
  );
});
