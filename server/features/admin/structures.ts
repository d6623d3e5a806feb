import { z } from "@hono/zod-openapi";
import { staffDeps } from "../../auth/http.ts";
import { createRouter } from "../../http/router.ts";
import { created, done, json, jsonBody } from "../../http/staff-routes.ts";
import { createStructure } from "./create-structure.ts";
import { getStructure } from "./get-structure.ts";
import { listManagedStructures } from "./list-managed-structures.ts";
import { adminRoute } from "./route.ts";
import { BookableBy, IdParam, MembershipRole, Mode, Situation, SproRole, StructureInput, StructurePatch } from "./schemas.ts";
import { updateStructure } from "./update-structure.ts";

const StructureSummary = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  active: z.boolean(),
  network: z.object({ id: z.uuid(), name: z.string(), kind: z.enum(["spro", "partner"]) }),
});

const StructureDetail = StructureSummary.extend({
  timeZone: z.string(),
  sproRoles: z.array(SproRole),
  description: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  communes: z.array(z.object({ code: z.string(), name: z.string() })),
  sites: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      address: z.string(),
      postcode: z.string(),
      commune: z.object({ code: z.string(), name: z.string() }),
      accessInfo: z.string(),
      phone: z.string().nullable(),
      active: z.boolean(),
    }),
  ),
  offerings: z.array(
    z.object({
      id: z.uuid(),
      service: z.object({ id: z.uuid(), name: z.string() }),
      durationMinutes: z.int(),
      bufferMinutes: z.int(),
      modes: z.array(Mode),
      minNoticeMinutes: z.int(),
      horizonDays: z.int(),
      bookableBy: BookableBy,
      minAge: z.int().nullable(),
      maxAge: z.int().nullable(),
      situations: z.array(Situation),
      seats: z.int(),
      reminderPlan: z.array(z.int()),
      instructions: z.string(),
      active: z.boolean(),
    }),
  ),
  members: z.array(
    z.object({
      id: z.uuid().openapi({ description: "Identifiant de l'appartenance (membership)." }),
      role: MembershipRole,
      user: z.object({
        id: z.uuid(),
        firstName: z.string(),
        lastName: z.string(),
        email: z.string(),
        active: z.boolean(),
        invited: z.boolean().openapi({ description: "Invitation envoyée, mot de passe pas encore choisi." }),
        manageable: z.boolean().openapi({ description: "Le compte peut être modifié (désactivé…) par la personne connectée." }),
      }),
    }),
  ),
  invitations: z
    .array(
      z.object({
        id: z.uuid(),
        email: z.string(),
        firstName: z.string(),
        lastName: z.string(),
        role: MembershipRole,
        createdAt: z.string(),
        expiresAt: z.string(),
      }),
    )
    .openapi({ description: "Les invitations envoyées, en attente de réponse." }),
  closures: z.array(
    z.object({ id: z.uuid(), siteId: z.uuid().nullable(), startDate: z.string(), endDate: z.string(), reason: z.string() }),
  ),
});

const list = adminRoute({
  method: "get",
  path: "/structures",
  summary: "Les structures que l'on administre (toutes pour la Région)",
  responses: { 200: json(z.object({ structures: z.array(StructureSummary) }), "Par ordre alphabétique.") },
});
const create = adminRoute({
  method: "post",
  path: "/structures",
  summary: "Créer une structure (Région)",
  request: { body: jsonBody(StructureInput) },
  responses: created("La structure"),
});
const get = adminRoute({
  method: "get",
  path: "/structures/{id}",
  summary: "Une structure avec ses communes, lieux, offres, personnels et fermetures",
  request: { params: IdParam },
  responses: { 200: json(z.object({ structure: StructureDetail }), "La structure.") },
});
const update = adminRoute({
  method: "patch",
  path: "/structures/{id}",
  summary: "Modifier une structure (identité, réseau, sectorisation : Région)",
  request: { params: IdParam, body: jsonBody(StructurePatch) },
  responses: done,
});

export const structureAdmin = createRouter()
  .openapi(list, async (c) => c.json(await listManagedStructures(await staffDeps(c, "directory")), 200))
  .openapi(create, async (c) => {
    const deps = await staffDeps(c, "directory");
    return c.json(await createStructure({ ...deps, input: c.req.valid("json") }), 201);
  })
  .openapi(get, async (c) => {
    const deps = await staffDeps(c, "directory");
    return c.json(await getStructure({ ...deps, input: c.req.valid("param") }), 200);
  })
  .openapi(update, async (c) => {
    const deps = await staffDeps(c, "directory");
    await updateStructure({ ...deps, input: { ...c.req.valid("json"), ...c.req.valid("param") } });
    return c.json({}, 200);
  });
