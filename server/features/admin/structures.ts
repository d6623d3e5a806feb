import { z } from "@hono/zod-openapi";
import { act, whenDone } from "../../auth/http.ts";
import { createRouter } from "../../http/router.ts";
import { json } from "../../http/staff-routes.ts";
import { createStructure } from "./create-structure.ts";
import { getStructure } from "./get-structure.ts";
import { listManagedStructures } from "./list-managed-structures.ts";
import { adminRoute, change, creation, listing } from "./route.ts";
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
  inboxAlert: z.boolean(),
  inboxEmail: z.string().nullable(),
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

const list = listing(
  "/structures",
  "Les structures que l'on administre (toutes pour la Région)",
  z.object({ structures: z.array(StructureSummary) }),
  "Par ordre alphabétique.",
);
const create = creation("/structures", "Créer une structure (Région)", StructureInput, "La structure");
const get = adminRoute({
  method: "get",
  path: "/structures/{id}",
  summary: "Une structure avec ses communes, lieux, offres, personnels et fermetures",
  request: { params: IdParam },
  responses: { 200: json(z.object({ structure: StructureDetail }), "La structure.") },
});
const update = change("/structures/{id}", "Modifier une structure (identité, réseau, sectorisation : Région)", StructurePatch);

export const structureAdmin = createRouter()
  .openapi(list, async (c) => c.json(await act(c, "directory", listManagedStructures), 200))
  .openapi(create, async (c) => c.json(await act(c, "directory", createStructure, c.req.valid("json")), 201))
  .openapi(get, async (c) => c.json(await act(c, "directory", getStructure, c.req.valid("param")), 200))
  .openapi(update, (c) => whenDone(c, act(c, "directory", updateStructure, { ...c.req.valid("json"), ...c.req.valid("param") })));
