import { requireArea, staffDeps } from "../../auth/http.ts";
import { localDateOf } from "../../domain/time.ts";
import { validationError } from "../../errors.ts";
import { createRouter } from "../../http/router.ts";
import { audited, created, done, jsonBody } from "../../http/staff-routes.ts";
import { changeAvailability } from "../availability/affected.ts";
import { adminRoute, managedStructure, scoped } from "./route.ts";
import { ClosureInput, IdParam } from "./schemas.ts";

const create = adminRoute({
  method: "post",
  path: "/structures/{id}/closures",
  summary: "Fermer une structure, ou l'un de ses lieux, des jours donnés (dates locales, bornes incluses)",
  request: { params: IdParam, body: jsonBody(ClosureInput) },
  responses: created("La fermeture"),
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
    const scope = await requireArea(c, "directory");
    const { id: structureId } = c.req.valid("param");
    const db = c.var.deps.db;
    const structure = await managedStructure(db, scope, structureId);
    const { siteId, startDate, endDate, reason, onBooked } = c.req.valid("json");
    if (endDate < localDateOf(c.var.deps.clock.now(), structure.timeZone)) {
      throw validationError({ endDate: "Cette fermeture est déjà passée : la fin doit être aujourd'hui ou plus tard." });
    }
    if (siteId && !(await db.prisma.site.count({ where: { id: siteId, structureId } }))) {
      throw validationError({ siteId: "ce lieu n'appartient pas à la structure." });
    }
    // The advisors with meetings those days: a closure may leave some of them without a place.
    const meetings = await scope.prisma.appointment.findMany({
      where: {
        structureId,
        status: "booked",
        startsAt: {
          gte: new Date(Date.parse(`${startDate}T00:00:00Z`) - 14 * 3_600_000),
          lt: new Date(Date.parse(`${endDate}T00:00:00Z`) + 38 * 3_600_000),
        },
      },
      distinct: ["advisorId"],
      select: { advisorId: true },
    });
    const target = { advisorIds: meetings.map((m) => m.advisorId), structureId, onBooked };
    const closure = await changeAvailability(
      await staffDeps(c, "directory"),
      target,
      { action: "closure.create", entity: "Closure" },
      (tx) =>
        tx.closure.create({
          data: { structureId, siteId: siteId ?? null, startDate: new Date(startDate), endDate: new Date(endDate), reason },
          select: { id: true },
        }),
    );
    return c.json(closure, 201);
  })
  .openapi(remove, async (c) => {
    const scope = await requireArea(c, "directory");
    const { id } = c.req.valid("param");
    const { structureId } = scoped(
      await scope.prisma.closure.findUnique({ where: { id }, select: { structureId: true } }),
      (s) => scope.manages(s),
      "Fermeture",
    );
    await audited(c, { action: "closure.delete", entity: "Closure", details: { structureId } }, (tx) =>
      tx.closure.delete({ where: { id }, select: { id: true } }),
    );
    return c.json({}, 200);
  });
