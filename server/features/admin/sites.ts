import { canManageStructure } from "../../auth/policy.ts";
import { requireArea } from "../../auth/roles.ts";
import { changedFields } from "../../db/audit.ts";
import { createRouter } from "../../http/router.ts";
import { adminRoute, audited, checkCommunes, created, done, jsonBody, managedStructure, scoped } from "./route.ts";
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
    const { roles } = await requireArea(c, "directory");
    const { id: structureId } = c.req.valid("param");
    const db = c.var.deps.db;
    await managedStructure(db, roles, structureId);
    const input = c.req.valid("json");
    await checkCommunes(db, [input.communeCode], "communeCode");
    const site = await audited(c, { action: "site.create", entity: "Site", details: { structureId } }, (tx) =>
      tx.site.create({ data: { ...input, structureId }, select: { id: true } }),
    );
    return c.json(site, 201);
  })
  .openapi(update, async (c) => {
    const { roles } = await requireArea(c, "directory");
    const { id } = c.req.valid("param");
    const db = c.var.deps.db;
    const site = scoped(
      await db.prisma.site.findUnique({ where: { id }, select: { structureId: true } }),
      (s) => canManageStructure(roles, s),
      "Lieu",
    );
    const patch = c.req.valid("json");
    if (patch.communeCode) await checkCommunes(db, [patch.communeCode], "communeCode");
    const details = { fields: changedFields(patch), structureId: site.structureId };
    await audited(c, { action: "site.update", entity: "Site", details }, (tx) =>
      tx.site.update({ where: { id }, data: patch, select: { id: true } }),
    );
    return c.json({}, 200);
  });
