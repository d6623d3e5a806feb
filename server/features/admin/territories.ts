import { z } from "@hono/zod-openapi";
import { requireArea } from "../../auth/http.ts";
import { changedFields } from "../../db/audit.ts";
import { unique } from "../../db/errors.ts";
import { sortFrench } from "../../domain/french.ts";
import { notFound } from "../../errors.ts";
import { createRouter } from "../../http/router.ts";
import { audited, created, done, json, jsonBody } from "../../http/staff-routes.ts";
import { adminRoute, checkCommunes } from "./route.ts";
import { IdParam, TerritoryInput, TerritoryPatch } from "./schemas.ts";

// Territories are the Région's coordination zones: the Région alone draws them.

const Territory = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  communes: z.array(z.object({ code: z.string(), name: z.string() })),
  coordinators: z.array(z.object({ id: z.uuid(), firstName: z.string(), lastName: z.string() })),
});

const list = adminRoute({
  method: "get",
  path: "/territories",
  summary: "Les territoires de coordination, leurs communes et leurs coordinateurs (Région)",
  responses: { 200: json(z.object({ territories: z.array(Territory) }), "Par nom.") },
});
const create = adminRoute({
  method: "post",
  path: "/territories",
  summary: "Créer un territoire (Région)",
  request: { body: jsonBody(TerritoryInput) },
  responses: created("Le territoire"),
});
const update = adminRoute({
  method: "patch",
  path: "/territories/{id}",
  summary: "Renommer un territoire ou redessiner ses communes (Région)",
  request: { params: IdParam, body: jsonBody(TerritoryPatch) },
  responses: done,
});

export const territoryAdmin = createRouter()
  .openapi(list, async (c) => {
    const scope = await requireArea(c, "directory");
    scope.requireRegion();
    const territories = await scope.prisma.territory.findMany({
      select: {
        id: true,
        slug: true,
        name: true,
        communes: { select: { commune: { select: { code: true, name: true } } }, orderBy: { commune: { name: "asc" } } },
        coordinators: { select: { user: { select: { id: true, firstName: true, lastName: true } } } },
      },
      orderBy: { name: "asc" },
    });
    const list = territories.map((t) => ({
      ...t,
      communes: sortFrench(
        t.communes.map((c) => c.commune),
        (c) => c.name,
      ),
      coordinators: t.coordinators.map((c) => c.user),
    }));
    return c.json({ territories: sortFrench(list, (t) => t.name) }, 200);
  })
  .openapi(create, async (c) => {
    const scope = await requireArea(c, "directory");
    scope.requireRegion();
    const { communes, ...input } = c.req.valid("json");
    await checkCommunes(c.var.deps.db, communes);
    const territory = await unique(
      () =>
        audited(c, { action: "territory.create", entity: "Territory" }, (tx) =>
          tx.territory.create({
            data: { ...input, communes: { create: communes.map((communeCode) => ({ communeCode })) } },
            select: { id: true },
          }),
        ),
      "slug",
      "Cet identifiant est déjà pris par un autre territoire.",
    );
    return c.json(territory, 201);
  })
  .openapi(update, async (c) => {
    const scope = await requireArea(c, "directory");
    scope.requireRegion();
    const db = c.var.deps.db;
    const { id } = c.req.valid("param");
    const { communes, ...patch } = c.req.valid("json");
    const current = await db.prisma.territory.findUnique({ where: { id }, include: { communes: true } });
    if (!current) throw notFound("Territoire");
    await checkCommunes(db, communes);
    const before = { ...current, communes: current.communes.map((c) => c.communeCode) };
    const details = { fields: changedFields({ ...patch, communes }, before) };
    await audited(c, { action: "territory.update", entity: "Territory", details }, async (tx) => {
      if (communes) {
        await tx.territoryCommune.deleteMany({ where: { territoryId: id } });
        await tx.territoryCommune.createMany({ data: communes.map((communeCode) => ({ territoryId: id, communeCode })) });
      }
      return tx.territory.update({ where: { id }, data: patch, select: { id: true } });
    });
    return c.json({}, 200);
  });
