import { act, staffDeps, whenDone } from "../../auth/http.ts";
import { createRouter } from "../../http/router.ts";
import { createOffering } from "./create-offering.ts";
import { change, creationIn } from "./route.ts";
import { OfferingInput, OfferingPatch } from "./schemas.ts";
import { updateOffering } from "./update-offering.ts";

const create = creationIn(
  "/structures/{id}/offerings",
  "Offrir un service dans une structure, avec ses réglages",
  OfferingInput,
  "L'offre",
);
const update = change(
  "/offerings/{id}",
  "Modifier les réglages d'une offre (durée, modalités, délais, public, rappels…)",
  OfferingPatch,
);

export const offeringAdmin = createRouter()
  .openapi(create, async (c) => {
    const deps = await staffDeps(c, "directory");
    const input = { ...c.req.valid("json"), structureId: c.req.valid("param").id };
    return c.json(await createOffering({ ...deps, input }), 201);
  })
  .openapi(update, (c) => whenDone(c, act(c, "directory", updateOffering, { ...c.req.valid("json"), ...c.req.valid("param") })));
