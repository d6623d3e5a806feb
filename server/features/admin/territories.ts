import { z } from "@hono/zod-openapi";
import { requireArea, requireRegion } from "../../auth/roles.ts";
import { changedFields, recordAudit } from "../../db/audit.ts";
import { notFound } from "../../errors.ts";
import { createRouter } from "../../http/router.ts";
import { adminRoute, checkCommunes, created, done, json, jsonBody, unique } from "./route.ts";
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
    const { roles } = await requireArea(c, "directory");
    requireRegion(roles);
    const territories = await c.var.deps.db.prisma.territory.findMany({
      select: {
        id: true,
        slug: true,
        name: true,
        communes: { select: { commune: { select: { code: true, name: true } } }, orderBy: { commune: { name: "asc" } } },
        coordinators: { select: { user: { select: { id: true, firstName: true, lastName: true } } } },
      },
      orderBy: { name: "asc" },
    });
    return c.json(
      {
        territories: territories.map((t) => ({
          ...t,
          communes: t.communes.map((c) => c.commune),
          coordinators: t.coordinators.map((c) => c.user),
        })),
      },
      200,
    );
  })
  .openapi(create, async (c) => {
    const { staff, roles } = await requireArea(c, "directory");
    requireRegion(roles);
    const { db, clock } = c.var.deps;
    const { communes, ...input } = c.req.valid("json");
    await checkCommunes(db, communes);
    const territory = await unique(
      () =>
        db.prisma.$transaction(async (tx) => {
          const territory = await tx.territory.create({
            data: { ...input, communes: { create: communes.map((communeCode) => ({ communeCode })) } },
            select: { id: true },
          });
          await recordAudit(
            tx,
            { actorId: staff.user.id, action: "territory.create", entity: "Territory", entityId: territory.id },
            clock.now(),
          );
          return territory;
        }),
      "slug",
      "Cet identifiant est déjà pris par un autre territoire.",
    );
    return c.json(territory, 201);
  })
  .openapi(update, async (c) => {
    const { staff, roles } = await requireArea(c, "directory");
    requireRegion(roles);
    const { db, clock } = c.var.deps;
    const { id } = c.req.valid("param");
    const { communes, ...patch } = c.req.valid("json");
    await checkCommunes(db, communes);
    await db.prisma.$transaction(async (tx) => {
      const { count } = await tx.territory.updateMany({ where: { id }, data: patch });
      if (!count) throw notFound("Territoire");
      if (communes) {
        await tx.territoryCommune.deleteMany({ where: { territoryId: id } });
        await tx.territoryCommune.createMany({ data: communes.map((communeCode) => ({ territoryId: id, communeCode })) });
      }
      await recordAudit(
        tx,
        {
          actorId: staff.user.id,
          action: "territory.update",
          entity: "Territory",
          entityId: id,
          details: { fields: changedFields({ ...patch, communes }) },
        },
        clock.now(),
      );
    });
    return c.json({}, 200);
  });
