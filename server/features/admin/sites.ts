import { staffDeps } from "../../auth/http.ts";
import { createRouter } from "../../http/router.ts";
import { created, done, jsonBody } from "../../http/staff-routes.ts";
import { createSite } from "./create-site.ts";
import { adminRoute } from "./route.ts";
import { IdParam, SiteInput, SitePatch } from "./schemas.ts";
import { updateSite } from "./update-site.ts";

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
    const deps = await staffDeps(c, "directory");
    const input = { ...c.req.valid("json"), structureId: c.req.valid("param").id };
    return c.json(await createSite({ ...deps, input }), 201);
  })
  .openapi(update, async (c) => {
    const deps = await staffDeps(c, "directory");
    await updateSite({ ...deps, input: { ...c.req.valid("json"), ...c.req.valid("param") } });
    return c.json({}, 200);
  });
