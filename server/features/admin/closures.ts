import { staffDeps } from "../../auth/http.ts";
import { createRouter } from "../../http/router.ts";
import { done, json, jsonBody } from "../../http/staff-routes.ts";
import { AvailabilityChange } from "../availability/schemas.ts";
import { createClosure } from "./create-closure.ts";
import { deleteClosure } from "./delete-closure.ts";
import { adminRoute } from "./route.ts";
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
const remove = adminRoute({
  method: "delete",
  path: "/closures/{id}",
  summary: "Supprimer une fermeture",
  request: { params: IdParam },
  responses: done,
});

export const closureAdmin = createRouter()
  .openapi(create, async (c) => {
    const deps = await staffDeps(c, "directory");
    const input = { ...c.req.valid("json"), structureId: c.req.valid("param").id };
    return c.json(await createClosure({ ...deps, input }), 201);
  })
  .openapi(remove, async (c) => {
    const deps = await staffDeps(c, "directory");
    await deleteClosure({ ...deps, input: c.req.valid("param") });
    return c.json({}, 200);
  });
