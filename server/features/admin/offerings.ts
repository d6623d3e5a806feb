import { staffDeps } from "../../auth/http.ts";
import { createRouter } from "../../http/router.ts";
import { created, done, jsonBody } from "../../http/staff-routes.ts";
import { createOffering } from "./create-offering.ts";
import { adminRoute } from "./route.ts";
import { IdParam, OfferingInput, OfferingPatch } from "./schemas.ts";
import { updateOffering } from "./update-offering.ts";

const create = adminRoute({
  method: "post",
  path: "/structures/{id}/offerings",
  summary: "Offrir un service dans une structure, avec ses réglages",
  request: { params: IdParam, body: jsonBody(OfferingInput) },
  responses: created("L'offre"),
});
const update = adminRoute({
  method: "patch",
  path: "/offerings/{id}",
  summary: "Modifier les réglages d'une offre (durée, modalités, délais, public, rappels…)",
  request: { params: IdParam, body: jsonBody(OfferingPatch) },
  responses: done,
});

export const offeringAdmin = createRouter()
  .openapi(create, async (c) => {
    const deps = await staffDeps(c, "directory");
    const input = { ...c.req.valid("json"), structureId: c.req.valid("param").id };
    return c.json(await createOffering({ ...deps, input }), 201);
  })
  .openapi(update, async (c) => {
    const deps = await staffDeps(c, "directory");
    await updateOffering({ ...deps, input: { ...c.req.valid("json"), ...c.req.valid("param") } });
    return c.json({}, 200);
  });
