import { canManageStructure } from "../../auth/policy.ts";
import { requireArea } from "../../auth/roles.ts";
import { changedFields, recordAudit } from "../../db/audit.ts";
import { validationError } from "../../errors.ts";
import { createRouter } from "../../http/router.ts";
import { adminRoute, created, done, jsonBody, managedStructure, scoped, unique } from "./route.ts";
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
    const { staff, roles } = await requireArea(c, "directory");
    const { id: structureId } = c.req.valid("param");
    const { db, clock } = c.var.deps;
    await managedStructure(db, roles, structureId);
    const input = c.req.valid("json");
    checkAges(input);
    if (!(await db.prisma.service.count({ where: { id: input.serviceId } })))
      throw validationError({ serviceId: "service inconnu." });
    const offering = await unique(
      () =>
        db.prisma.$transaction(async (tx) => {
          const offering = await tx.offering.create({ data: { ...input, structureId }, select: { id: true } });
          await recordAudit(
            tx,
            {
              actorId: staff.user.id,
              action: "offering.create",
              entity: "Offering",
              entityId: offering.id,
              details: { structureId },
            },
            clock.now(),
          );
          return offering;
        }),
      "serviceId",
      TAKEN,
    );
    return c.json(offering, 201);
  })
  .openapi(update, async (c) => {
    const { staff, roles } = await requireArea(c, "directory");
    const { id } = c.req.valid("param");
    const { db, clock } = c.var.deps;
    const current = scoped(
      await db.prisma.offering.findUnique({ where: { id }, select: { structureId: true, minAge: true, maxAge: true } }),
      (s) => canManageStructure(roles, s),
      "Offre",
    );
    const patch = c.req.valid("json");
    checkAges({ ...current, ...patch });
    await db.prisma.$transaction(async (tx) => {
      await tx.offering.update({ where: { id }, data: patch });
      await recordAudit(
        tx,
        {
          actorId: staff.user.id,
          action: "offering.update",
          entity: "Offering",
          entityId: id,
          details: { fields: changedFields(patch), structureId: current.structureId },
        },
        clock.now(),
      );
    });
    return c.json({}, 200);
  });
