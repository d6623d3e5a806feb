import { z } from "@hono/zod-openapi";
import { requireArea, requireRegion } from "../../auth/roles.ts";
import { changedFields, recordAudit } from "../../db/audit.ts";
import { notFound } from "../../errors.ts";
import { createRouter } from "../../http/router.ts";
import { adminRoute, created, done, json, jsonBody, unique } from "./route.ts";
import { IdParam, NetworkInput, NetworkKind, NetworkPatch } from "./schemas.ts";

const Network = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  kind: NetworkKind,
  description: z.string(),
  structureCount: z.int(),
});

const list = adminRoute({
  method: "get",
  path: "/networks",
  summary: "Les réseaux (CIO, Missions Locales…) et les organisations partenaires",
  responses: { 200: json(z.object({ networks: z.array(Network) }), "Par nom.") },
});
const create = adminRoute({
  method: "post",
  path: "/networks",
  summary: "Créer un réseau (Région)",
  request: { body: jsonBody(NetworkInput) },
  responses: created("Le réseau"),
});
const update = adminRoute({
  method: "patch",
  path: "/networks/{id}",
  summary: "Modifier un réseau (Région)",
  request: { params: IdParam, body: jsonBody(NetworkPatch) },
  responses: done,
});

export const networkAdmin = createRouter()
  .openapi(list, async (c) => {
    await requireArea(c, "directory");
    const networks = await c.var.deps.db.prisma.network.findMany({
      select: { id: true, slug: true, name: true, kind: true, description: true, _count: { select: { structures: true } } },
      orderBy: { name: "asc" },
    });
    return c.json({ networks: networks.map(({ _count, ...n }) => ({ ...n, structureCount: _count.structures })) }, 200);
  })
  .openapi(create, async (c) => {
    const { staff, roles } = await requireArea(c, "directory");
    requireRegion(roles);
    const { db, clock } = c.var.deps;
    const input = c.req.valid("json");
    const network = await unique(
      () =>
        db.prisma.$transaction(async (tx) => {
          const network = await tx.network.create({ data: input, select: { id: true } });
          await recordAudit(
            tx,
            { actorId: staff.user.id, action: "network.create", entity: "Network", entityId: network.id },
            clock.now(),
          );
          return network;
        }),
      "slug",
      "Cet identifiant est déjà pris par un autre réseau.",
    );
    return c.json(network, 201);
  })
  .openapi(update, async (c) => {
    const { staff, roles } = await requireArea(c, "directory");
    requireRegion(roles);
    const { db, clock } = c.var.deps;
    const { id } = c.req.valid("param");
    const patch = c.req.valid("json");
    await db.prisma.$transaction(async (tx) => {
      const { count } = await tx.network.updateMany({ where: { id }, data: patch });
      if (!count) throw notFound("Réseau");
      await recordAudit(
        tx,
        {
          actorId: staff.user.id,
          action: "network.update",
          entity: "Network",
          entityId: id,
          details: { fields: changedFields(patch) },
        },
        clock.now(),
      );
    });
    return c.json({}, 200);
  });
