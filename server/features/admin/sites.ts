import { act, staffDeps, whenDone } from "../../auth/http.ts";
import { createRouter } from "../../http/router.ts";
import { createSite } from "./create-site.ts";
import { change, creationIn } from "./route.ts";
import { SiteInput, SitePatch } from "./schemas.ts";
import { updateSite } from "./update-site.ts";

const create = creationIn("/structures/{id}/sites", "Ajouter un lieu d'accueil à une structure", SiteInput, "Le lieu");
const update = change("/sites/{id}", "Modifier un lieu (adresse, accès, ouverture)", SitePatch);

export const siteAdmin = createRouter()
  .openapi(create, async (c) => {
    const deps = await staffDeps(c, "directory");
    const input = { ...c.req.valid("json"), structureId: c.req.valid("param").id };
    return c.json(await createSite({ ...deps, input }), 201);
  })
  .openapi(update, (c) => whenDone(c, act(c, "directory", updateSite, { ...c.req.valid("json"), ...c.req.valid("param") })));
