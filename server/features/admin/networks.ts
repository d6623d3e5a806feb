import { z } from "@hono/zod-openapi";
import { requireArea } from "../../auth/http.ts";
import { changedFields } from "../../db/audit.ts";
import { unique } from "../../db/errors.ts";
import { sortFrench } from "../../domain/french.ts";
import { notFound } from "../../errors.ts";
import { createRouter } from "../../http/router.ts";
import { audited, created, done, json, jsonBody } from "../../http/staff-routes.ts";
import { adminRoute } from "./route.ts";
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
    const scope = await requireArea(c, "directory");
    const networks = await scope.prisma.network.findMany({
      select: { id: true, slug: true, name: true, kind: true, description: true, _count: { select: { structures: true } } },
      orderBy: { name: "asc" },
    });
    const list = networks.map(({ _count, ...n }) => ({ ...n, structureCount: _count.structures }));
    return c.json({ networks: sortFrench(list, (n) => n.name) }, 200);
  })
  .openapi(create, async (c) => {
    const scope = await requireArea(c, "directory");
    scope.requireRegion();
    const input = c.req.valid("json");
    const network = await unique(
      () =>
        audited(c, { action: "network.create", entity: "Network" }, (tx) =>
          tx.network.create({ data: input, select: { id: true } }),
        ),
      "slug",
      "Cet identifiant est déjà pris par un autre réseau.",
    );
    return c.json(network, 201);
  })
  .openapi(update, async (c) => {
    const scope = await requireArea(c, "directory");
    scope.requireRegion();
    const { id } = c.req.valid("param");
    const patch = c.req.valid("json");
    const current = await scope.prisma.network.findUnique({ where: { id } });
    if (!current) throw notFound("Réseau");
    await audited(c, { action: "network.update", entity: "Network", details: { fields: changedFields(patch, current) } }, (tx) =>
      tx.network.update({ where: { id }, data: patch, select: { id: true } }),
    );
    return c.json({}, 200);
  });
