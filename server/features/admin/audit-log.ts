import { z } from "@hono/zod-openapi";
import { requireArea } from "../../auth/http.ts";
import { dateProblem } from "../../http/fields.ts";
import { createRouter } from "../../http/router.ts";
import { json } from "../../http/staff-routes.ts";
import { adminRoute } from "./route.ts";

const Event = z.object({
  id: z.uuid(),
  at: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  details: z.unknown(),
  actor: z.object({ id: z.uuid(), firstName: z.string(), lastName: z.string() }).nullable(),
  label: z.string().nullable().openapi({ description: "Le nom de l'élément aujourd'hui (null s'il n'existe plus)." }),
  structure: z.object({ id: z.uuid(), name: z.string() }).nullable(),
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
        .superRefine((v, ctx) => {
          const message = dateProblem(v.slice(0, 10));
          if (message) ctx.addIssue({ code: "custom", message });
        })
        .optional()
        .openapi({ description: "Page suivante : les événements antérieurs." }),
    }),
  },
  responses: { 200: json(z.object({ events: z.array(Event) }), "100 événements au plus.") },
});

export const auditLog = createRouter().openapi(list, async (c) => {
  const scope = await requireArea(c, "directory");
  scope.requireRegion();
  const { entity, entityId, before } = c.req.valid("query");
  const db = c.var.deps.db;
  const events = await db.prisma.auditEvent.findMany({
    where: { entity, entityId, ...(before && { at: { lt: new Date(before) } }) },
    orderBy: { at: "desc" },
    take: 100,
  });
  // Names are read now, not stored in the log: an erased account or a renamed site leaves no
  // trace of its old name behind.
  const idsOf = (entity: string) => events.flatMap((e) => (e.entity === entity && e.entityId ? [e.entityId] : []));
  const structureIdOf = (e: (typeof events)[number]) =>
    e.entity === "Structure" ? e.entityId : ((e.details as { structureId?: string } | null)?.structureId ?? null);
  const [actors, accounts, memberships, structures, sites, offerings, networks, territories] = await Promise.all([
    db.prisma.staffUser.findMany({
      where: { id: { in: events.flatMap((e) => (e.actorId ? [e.actorId] : [])) } },
      select: { id: true, firstName: true, lastName: true },
    }),
    db.prisma.staffUser.findMany({
      where: { id: { in: idsOf("StaffUser") } },
      select: { id: true, firstName: true, lastName: true },
    }),
    db.prisma.membership.findMany({
      where: { id: { in: idsOf("Membership") } },
      select: { id: true, user: { select: { firstName: true, lastName: true } } },
    }),
    db.prisma.structure.findMany({
      where: { id: { in: events.flatMap((e) => structureIdOf(e) ?? []) } },
      select: { id: true, name: true },
    }),
    db.prisma.site.findMany({ where: { id: { in: idsOf("Site") } }, select: { id: true, name: true } }),
    db.prisma.offering.findMany({
      where: { id: { in: idsOf("Offering") } },
      select: { id: true, service: { select: { name: true } } },
    }),
    db.prisma.network.findMany({ where: { id: { in: idsOf("Network") } }, select: { id: true, name: true } }),
    db.prisma.territory.findMany({ where: { id: { in: idsOf("Territory") } }, select: { id: true, name: true } }),
  ]);
  const fullName = (u: { firstName: string; lastName: string }) => `${u.firstName} ${u.lastName}`;
  const labels = new Map<string, string>([
    ...accounts.map((u) => [u.id, fullName(u)] as const),
    ...memberships.map((m) => [m.id, fullName(m.user)] as const),
    ...structures.map((x) => [x.id, x.name] as const),
    ...sites.map((x) => [x.id, x.name] as const),
    ...offerings.map((x) => [x.id, x.service.name] as const),
    ...networks.map((x) => [x.id, x.name] as const),
    ...territories.map((x) => [x.id, x.name] as const),
  ]);
  return c.json(
    {
      events: events.map(({ actorId, at, ...e }) => ({
        ...e,
        at: at.toISOString(),
        actor: actors.find((a) => a.id === actorId) ?? null,
        label: (e.entityId && labels.get(e.entityId)) ?? null,
        structure: structures.find((x) => x.id === structureIdOf({ ...e, actorId, at })) ?? null,
      })),
    },
    200,
  );
});
