import { canManageStructure } from "../../auth/policy.ts";
import { requireArea } from "../../auth/roles.ts";
import { changedFields, recordAudit } from "../../db/audit.ts";
import { createRouter } from "../../http/router.ts";
import { adminRoute, checkCommunes, created, done, jsonBody, managedStructure, scoped } from "./route.ts";
import { IdParam, SiteInput, SitePatch } from "./schemas.ts";

const create = adminRoute({
  method: "post",
  path: "/structures/{id}/sites",
  summary: "Ajouter un lieu d'accueil à une structure",
  request: { params: IdParam, body: jsonBody(SiteInput) },
  responses: created("Le lieu"),
});
const update = adminRoute({
  method: "patch",
  path: "/sites/{id}",
  summary: "Modifier un lieu (adresse, accès, ouverture)",
  request: { params: IdParam, body: jsonBody(SitePatch) },
  responses: done,
});

export const siteAdmin = createRouter()
  .openapi(create, async (c) => {
    const { staff, roles } = await requireArea(c, "directory");
    const { id: structureId } = c.req.valid("param");
    const { db, clock } = c.var.deps;
    await managedStructure(db, roles, structureId);
    const input = c.req.valid("json");
    await checkCommunes(db, [input.communeCode], "communeCode");
    const site = await db.prisma.$transaction(async (tx) => {
      const site = await tx.site.create({ data: { ...input, structureId }, select: { id: true } });
      await recordAudit(
        tx,
        { actorId: staff.user.id, action: "site.create", entity: "Site", entityId: site.id, details: { structureId } },
        clock.now(),
      );
      return site;
    });
    return c.json(site, 201);
  })
  .openapi(update, async (c) => {
    const { staff, roles } = await requireArea(c, "directory");
    const { id } = c.req.valid("param");
    const { db, clock } = c.var.deps;
    const site = scoped(
      await db.prisma.site.findUnique({ where: { id }, select: { structureId: true } }),
      (s) => canManageStructure(roles, s),
      "Lieu",
    );
    const patch = c.req.valid("json");
    if (patch.communeCode) await checkCommunes(db, [patch.communeCode], "communeCode");
    await db.prisma.$transaction(async (tx) => {
      await tx.site.update({ where: { id }, data: patch });
      await recordAudit(
        tx,
        {
          actorId: staff.user.id,
          action: "site.update",
          entity: "Site",
          entityId: id,
          details: { fields: changedFields(patch), structureId: site.structureId },
        },
        clock.now(),
      );
    });
    return c.json({}, 200);
  });
