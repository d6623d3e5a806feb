import { z } from "@hono/zod-openapi";
import { requireArea } from "../../auth/http.ts";
import type { Scope } from "../../auth/scope.ts";
import { changedFields } from "../../db/audit.ts";
import type { Database } from "../../db/database.ts";
import { unique } from "../../db/errors.ts";
import { sortFrench } from "../../domain/french.ts";
import { AppError, notFound, validationError } from "../../errors.ts";
import { createRouter } from "../../http/router.ts";
import { audited, created, done, json, jsonBody } from "../../http/staff-routes.ts";
import { adminRoute, checkCommunes, managedStructure } from "./route.ts";
import {
  BookableBy,
  IdParam,
  MembershipRole,
  Mode,
  REGIONAL_STRUCTURE_FIELDS,
  Situation,
  SproRole,
  StructureInput,
  StructurePatch,
} from "./schemas.ts";

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

const summarySelect = {
  id: true,
  slug: true,
  name: true,
  active: true,
  network: { select: { id: true, name: true, kind: true } },
} as const;
const SLUG_TAKEN = "Cet identifiant est déjà pris par une autre structure.";

export const structureAdmin = createRouter()
  .openapi(list, async (c) => {
    const scope = await requireArea(c, "directory");
    const ids = scope.managedIds();
    const structures = await scope.prisma.structure.findMany({
      where: ids ? { id: { in: ids } } : {},
      select: summarySelect,
      orderBy: { name: "asc" },
    });
    return c.json({ structures: sortFrench(structures, (s) => s.name) }, 200);
  })
  .openapi(create, async (c) => {
    const scope = await requireArea(c, "directory");
    scope.requireRegion();
    const db = c.var.deps.db;
    const { communes, ...input } = c.req.valid("json");
    await checkNetwork(db, input.networkId);
    await checkCommunes(db, communes);
    const structure = await unique(
      () =>
        audited(c, { action: "structure.create", entity: "Structure" }, (tx) =>
          tx.structure.create({
            data: { ...input, communes: { create: (communes ?? []).map((communeCode) => ({ communeCode })) } },
            select: { id: true },
          }),
        ),
      "slug",
      SLUG_TAKEN,
    );
    return c.json(structure, 201);
  })
  .openapi(get, async (c) => {
    const scope = await requireArea(c, "directory");
    const { id } = c.req.valid("param");
    const structure = scope.manages(id) ? await loadStructure(c.var.deps.db, scope, id, c.var.deps.clock.now()) : undefined;
    if (!structure) throw notFound("Structure");
    return c.json({ structure }, 200);
  })
  .openapi(update, async (c) => {
    const scope = await requireArea(c, "directory");
    const { id } = c.req.valid("param");
    const db = c.var.deps.db;
    await managedStructure(db, scope, id);
    const { communes, ...patch } = c.req.valid("json");
    const current = await db.prisma.structure.findUniqueOrThrow({ where: { id }, include: { communes: true } });
    const fields = changedFields({ ...patch, communes }, { ...current, communes: current.communes.map((c) => c.communeCode) });
    const regional = fields.filter((f) => REGIONAL_STRUCTURE_FIELDS.includes(f));
    if (regional.length && !scope.region) {
      throw new AppError("FORBIDDEN", `Seule la Région peut modifier « ${regional.join(" », « ")} » d'une structure.`, {
        fields: Object.fromEntries(regional.map((f) => [f, "réservé à l'administration régionale."])),
      });
    }
    if (patch.networkId) await checkNetwork(db, patch.networkId);
    await checkCommunes(db, communes);
    await unique(
      () =>
        audited(c, { action: "structure.update", entity: "Structure", details: { fields } }, async (tx) => {
          if (communes) {
            await tx.structureCommune.deleteMany({ where: { structureId: id } });
            await tx.structureCommune.createMany({ data: communes.map((communeCode) => ({ structureId: id, communeCode })) });
          }
          return tx.structure.update({ where: { id }, data: patch, select: { id: true } });
        }),
      "slug",
      SLUG_TAKEN,
    );
    return c.json({}, 200);
  });

async function checkNetwork(db: Database, networkId: string) {
  if (!(await db.prisma.network.count({ where: { id: networkId } }))) throw validationError({ networkId: "réseau inconnu." });
}

const day = (date: Date) => date.toISOString().slice(0, 10);

async function loadStructure(db: Database, scope: Scope, id: string, now: Date) {
  const s = await db.prisma.structure.findUnique({
    where: { id },
    select: {
      ...summarySelect,
      timeZone: true,
      sproRoles: true,
      description: true,
      phone: true,
      email: true,
      website: true,
      communes: { select: { commune: { select: { code: true, name: true } } }, orderBy: { commune: { name: "asc" } } },
      sites: {
        select: {
          id: true,
          name: true,
          address: true,
          postcode: true,
          commune: { select: { code: true, name: true } },
          accessInfo: true,
          phone: true,
          active: true,
        },
        orderBy: { name: "asc" },
      },
      offerings: {
        select: {
          id: true,
          service: { select: { id: true, name: true } },
          durationMinutes: true,
          bufferMinutes: true,
          modes: true,
          minNoticeMinutes: true,
          horizonDays: true,
          bookableBy: true,
          minAge: true,
          maxAge: true,
          situations: true,
          seats: true,
          reminderPlan: true,
          instructions: true,
          active: true,
        },
        orderBy: { service: { position: "asc" } },
      },
      memberships: {
        select: {
          id: true,
          role: true,
          user: {
            select: {
              id: true,
              firstName: true,
              lastName: true,
              email: true,
              active: true,
              passwordHash: true,
              regionalAdmin: true,
              memberships: { select: { structureId: true } },
              coordinates: { select: { territoryId: true } },
            },
          },
        },
        orderBy: [{ user: { lastName: "asc" } }, { role: "asc" }],
      },
      invitations: {
        where: { expiresAt: { gt: now } },
        select: { id: true, email: true, firstName: true, lastName: true, role: true, createdAt: true, expiresAt: true },
        orderBy: { createdAt: "desc" },
      },
      closures: {
        select: { id: true, siteId: true, startDate: true, endDate: true, reason: true },
        orderBy: { startDate: "desc" },
      },
    },
  });
  if (!s) return undefined;
  const { communes, memberships, closures, invitations, ...rest } = s;
  return {
    ...rest,
    communes: sortFrench(
      communes.map((c) => c.commune),
      (c) => c.name,
    ),
    sites: sortFrench(rest.sites, (site) => site.name),
    members: sortFrench(memberships, (m) => `${m.user.lastName} ${m.user.firstName}`).map(
      ({ user: { passwordHash, regionalAdmin, memberships, coordinates, ...user }, ...m }) => ({
        ...m,
        user: {
          ...user,
          invited: !passwordHash,
          manageable: scope.managesAccount({
            regionalAdmin,
            structureIds: memberships.map((x) => x.structureId),
            territories: coordinates.map((x) => x.territoryId),
          }),
        },
      }),
    ),
    invitations: invitations.map((i) => ({ ...i, createdAt: i.createdAt.toISOString(), expiresAt: i.expiresAt.toISOString() })),
    closures: closures.map((c) => ({ ...c, startDate: day(c.startDate), endDate: day(c.endDate) })),
  };
}
