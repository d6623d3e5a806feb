import { requireArea } from "../../auth/http.ts";
import { changedFields } from "../../db/audit.ts";
import type { Database } from "../../db/database.ts";
import { validationError } from "../../errors.ts";
import { createRouter } from "../../http/router.ts";
import { audited, created, done, jsonBody } from "../../http/staff-routes.ts";
import { adminRoute, managedStructure, scoped } from "./route.ts";
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
    const scope = await requireArea(c, "directory");
    const { id: structureId } = c.req.valid("param");
    const db = c.var.deps.db;
    await managedStructure(db, scope, structureId);
    const input = c.req.valid("json");
    await checkPostcode(db, input.communeCode, input.postcode);
    const site = await audited(c, { action: "site.create", entity: "Site", details: { structureId } }, (tx) =>
      tx.site.create({ data: { ...input, structureId }, select: { id: true } }),
    );
    return c.json(site, 201);
  })
  .openapi(update, async (c) => {
    const scope = await requireArea(c, "directory");
    const { id } = c.req.valid("param");
    const db = c.var.deps.db;
    const site = scoped(await db.prisma.site.findUnique({ where: { id } }), (s) => scope.manages(s), "Lieu");
    const patch = c.req.valid("json");
    if (patch.communeCode || patch.postcode) {
      await checkPostcode(db, patch.communeCode ?? site.communeCode, patch.postcode ?? site.postcode);
    }
    const details = { fields: changedFields(patch, site), structureId: site.structureId };
    await audited(c, { action: "site.update", entity: "Site", details }, (tx) =>
      tx.site.update({ where: { id }, data: patch, select: { id: true } }),
    );
    return c.json({}, 200);
  });

/** The postcode must be one of the commune's: the address is printed on confirmations. */
async function checkPostcode(db: Database, communeCode: string, postcode: string) {
  const commune = await db.prisma.commune.findUnique({ where: { code: communeCode }, select: { name: true, postcodes: true } });
  if (!commune) throw validationError({ communeCode: "commune inconnue." });
  if (!commune.postcodes.includes(postcode)) {
    throw validationError({
      postcode: `Ce code postal n'est pas celui de ${commune.name} (${commune.postcodes.join(", ")}).`,
    });
  }
}
