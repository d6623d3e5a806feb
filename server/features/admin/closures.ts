import { act, staffDeps, whenDone } from "../../auth/http.ts";
import { createRouter } from "../../http/router.ts";
import { json, jsonBody } from "../../http/staff-routes.ts";
import { AvailabilityChange } from "../availability/schemas.ts";
import { createClosure } from "./create-closure.ts";
import { deleteClosure } from "./delete-closure.ts";
import { adminRoute, removal } from "./route.ts";
import { ClosureInput, IdParam } from "./schemas.ts";

const create = adminRoute({
  method: "post",
  path: "/structures/{id}/closures",
  summary: "Fermer une structure, ou l'un de ses lieux, des jours donnés (dates locales, bornes incluses)",
  request: { params: IdParam, body: jsonBody(ClosureInput) },
  responses: {
    201: json(AvailabilityChange, "La fermeture ; `affected` rendez-vous étaient concernés, `cancelled` ont été annulés."),
  },
});
const remove = removal("/closures/{id}", "Supprimer une fermeture");

export const closureAdmin = createRouter()
  .openapi(create, async (c) => {
    const deps = await staffDeps(c, "directory");
    const input = { ...c.req.valid("json"), structureId: c.req.valid("param").id };
    return c.json(await createClosure({ ...deps, input }), 201);
  })
  .openapi(remove, (c) => whenDone(c, act(c, "directory", deleteClosure, c.req.valid("param"))));
