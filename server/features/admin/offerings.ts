import { requireArea } from "../../auth/http.ts";
import { changedFields } from "../../db/audit.ts";
import { unique } from "../../db/errors.ts";
import { validationError } from "../../errors.ts";
import { createRouter } from "../../http/router.ts";
import { audited, created, done, jsonBody } from "../../http/staff-routes.ts";
import { adminRoute, managedStructure, scoped } from "./route.ts";
import { IdParam, OfferingInput, OfferingPatch } from "./schemas.ts";

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

/** Ages are checked on the result of the change, not on the body alone. */
function checkAges(offering: { minAge?: number | null; maxAge?: number | null }) {
  if (offering.minAge != null && offering.maxAge != null && offering.minAge > offering.maxAge) {
    throw validationError({ maxAge: "l'âge maximum ne peut être inférieur à l'âge minimum." });
  }
}
const TAKEN = "Cette structure offre déjà ce service : modifiez l'offre existante.";

export const offeringAdmin = createRouter()
  .openapi(create, async (c) => {
    const scope = await requireArea(c, "directory");
    const { id: structureId } = c.req.valid("param");
    const db = c.var.deps.db;
    await managedStructure(db, scope, structureId);
    const input = c.req.valid("json");
    checkAges(input);
    if (!(await db.prisma.service.count({ where: { id: input.serviceId } })))
      throw validationError({ serviceId: "service inconnu." });
    const offering = await unique(
      () =>
        audited(c, { action: "offering.create", entity: "Offering", details: { structureId } }, (tx) =>
          tx.offering.create({ data: { ...input, structureId }, select: { id: true } }),
        ),
      "serviceId",
      TAKEN,
    );
    return c.json(offering, 201);
  })
  .openapi(update, async (c) => {
    const scope = await requireArea(c, "directory");
    const { id } = c.req.valid("param");
    const current = scoped(await scope.prisma.offering.findUnique({ where: { id } }), (s) => scope.manages(s), "Offre");
    const patch = c.req.valid("json");
    checkAges({ ...current, ...patch });
    const details = { fields: changedFields(patch, current), structureId: current.structureId };
    await audited(c, { action: "offering.update", entity: "Offering", details }, (tx) =>
      tx.offering.update({ where: { id }, data: patch, select: { id: true } }),
    );
    return c.json({}, 200);
  });
