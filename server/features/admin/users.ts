import { z } from "@hono/zod-openapi";
import { requireArea } from "../../auth/http.ts";
import { issuePasswordLink } from "../../auth/password-links.ts";
import type { AccountRoles } from "../../auth/policy.ts";
import type { Scope } from "../../auth/scope.ts";
import { closeAllSessions } from "../../auth/sessions.ts";
import { changedFields } from "../../db/audit.ts";
import { type Database, literally, type Tx } from "../../db/database.ts";
import { unique } from "../../db/errors.ts";
import { sortFrench } from "../../domain/french.ts";
import { AppError, notFound, validationError } from "../../errors.ts";
import { createRouter } from "../../http/router.ts";
import { audited, created, done, json, jsonBody } from "../../http/staff-routes.ts";
import { adminRoute } from "./route.ts";
import { IdParam, MembershipRole, UserInvite, UserPatch } from "./schemas.ts";

const Account = z.object({
  id: z.uuid(),
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  active: z.boolean(),
  invited: z.boolean(),
  regionalAdmin: z.boolean(),
  memberships: z.array(z.object({ id: z.uuid(), role: MembershipRole, structure: z.object({ id: z.uuid(), name: z.string() }) })),
  territories: z.array(z.object({ id: z.uuid(), name: z.string() })),
  manageable: z.boolean().openapi({ description: "Le compte peut être modifié par la personne connectée." }),
});

const list = adminRoute({
  method: "get",
  path: "/users",
  summary: "Les comptes des personnels que l'on administre (tous pour la Région)",
  request: {
    query: z.object({ q: z.string().trim().max(100).optional().openapi({ description: "Nom ou adresse, en partie." }) }),
  },
  responses: { 200: json(z.object({ users: z.array(Account) }), "Par nom, 200 au plus.") },
});
const invite = adminRoute({
  method: "post",
  path: "/users",
  summary: "Ouvrir un compte de coordination ou d'administration régionale (Région) ; l'invitation part par courriel",
  request: { body: jsonBody(UserInvite) },
  responses: created("Le compte"),
});
const update = adminRoute({
  method: "patch",
  path: "/users/{id}",
  summary: "Modifier un compte : nom, désactivation (ses sessions prennent fin), rôles régionaux (Région)",
  request: { params: IdParam, body: jsonBody(UserPatch) },
  responses: done,
});
const reinvite = adminRoute({
  method: "post",
  path: "/users/{id}/invitation",
  summary: "Renvoyer l'invitation d'un compte qui n'a pas encore choisi son mot de passe",
  request: { params: IdParam, body: jsonBody(z.object({}).strict()) },
  responses: done,
});

const accountSelect = {
  id: true,
  email: true,
  firstName: true,
  lastName: true,
  active: true,
  passwordHash: true,
  regionalAdmin: true,
  memberships: { select: { id: true, role: true, structure: { select: { id: true, name: true } } } },
  coordinates: { select: { territory: { select: { id: true, name: true } } } },
} as const;

type Loaded = NonNullable<Awaited<ReturnType<typeof loadAccount>>>;
const loadAccount = (db: Database, id: string) => db.prisma.staffUser.findUnique({ where: { id }, select: accountSelect });
const rolesOfAccount = (a: Loaded): AccountRoles => ({
  regionalAdmin: a.regionalAdmin,
  structureIds: a.memberships.map((m) => m.structure.id),
  territories: a.coordinates.map((c) => c.territory.id),
});
const present =
  (scope: Scope) =>
  ({ passwordHash, coordinates, ...a }: Loaded) => ({
    ...a,
    invited: !passwordHash,
    territories: coordinates.map((c) => c.territory),
    manageable: scope.managesAccount(rolesOfAccount({ passwordHash, coordinates, ...a })),
  });

async function checkTerritories(db: Database, ids: readonly string[] | undefined) {
  if (ids?.length && (await db.prisma.territory.count({ where: { id: { in: [...ids] } } })) !== ids.length) {
    throw validationError({ territoryIds: "territoire inconnu." });
  }
}

async function setTerritories(tx: Tx, userId: string, territoryIds: readonly string[]) {
  await tx.territoryCoordinator.deleteMany({ where: { userId } });
  await tx.territoryCoordinator.createMany({ data: territoryIds.map((territoryId) => ({ userId, territoryId })) });
}

export const userAdmin = createRouter()
  .openapi(list, async (c) => {
    const scope = await requireArea(c, "directory");
    const { q: typed } = c.req.valid("query");
    const q = typed && literally(typed);
    const ids = scope.managedIds();
    const users = await scope.prisma.staffUser.findMany({
      where: {
        ...(ids && { memberships: { some: { structureId: { in: ids } } } }),
        ...(q && {
          OR: [
            { email: { contains: q, mode: "insensitive" as const } },
            { lastName: { contains: q, mode: "insensitive" as const } },
            { firstName: { contains: q, mode: "insensitive" as const } },
          ],
        }),
      },
      select: accountSelect,
      orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
      take: 200,
    });
    return c.json({ users: sortFrench(users.map(present(scope)), (u) => `${u.lastName} ${u.firstName}`) }, 200);
  })
  .openapi(invite, async (c) => {
    const scope = await requireArea(c, "directory");
    scope.requireRegion();
    const { db, clock, config } = c.var.deps;
    const { territoryIds, ...input } = c.req.valid("json");
    await checkTerritories(db, territoryIds);
    const details = { fields: changedFields({ ...input, territoryIds }) };
    const user = await unique(
      () =>
        audited(c, { action: "user.create", entity: "StaffUser", details }, async (tx) => {
          const user = await tx.staffUser.create({ data: input, select: { id: true, email: true, firstName: true } });
          if (territoryIds) await setTerritories(tx, user.id, territoryIds);
          await issuePasswordLink(tx, user, "invitation", {
            now: clock.now(),
            publicUrl: config.publicUrl,
            secret: config.sessionSecret,
            invitedBy: fullName(scope.user),
          });
          return user;
        }),
      "email",
      "Un compte existe déjà pour cette adresse.",
    );
    return c.json({ id: user.id }, 201);
  })
  .openapi(update, async (c) => {
    const scope = await requireArea(c, "directory");
    const { id } = c.req.valid("param");
    const { db, clock } = c.var.deps;
    const account = await loadAccount(db, id);
    if (!account || !scope.seesAccount(rolesOfAccount(account))) throw notFound("Compte");
    if (!scope.managesAccount(rolesOfAccount(account))) {
      throw new AppError("FORBIDDEN", "Ce compte a aussi des rôles hors de vos structures : seule la Région peut le modifier.");
    }
    const { territoryIds, ...patch } = c.req.valid("json");
    if (patch.regionalAdmin !== undefined || territoryIds) scope.requireRegion();
    if (id === scope.user.id && (patch.active === false || patch.regionalAdmin === false)) {
      throw new AppError("CONFLICT", "Vous ne pouvez pas retirer vos propres droits : demandez à un autre administrateur.");
    }
    await checkTerritories(db, territoryIds);
    const action = patch.active === false ? "user.deactivate" : patch.active === true ? "user.reactivate" : "user.update";
    await audited(
      c,
      {
        action,
        entity: "StaffUser",
        details: {
          fields: changedFields(
            { ...patch, territoryIds },
            { ...account, territoryIds: account.coordinates.map((c) => c.territory.id) },
          ),
        },
      },
      async (tx) => {
        if (territoryIds) await setTerritories(tx, id, territoryIds);
        if (patch.active === false) {
          // Deactivated: signed out at once, and their pending links die with the account.
          await closeAllSessions(tx, id, clock.now());
          await tx.passwordLink.updateMany({ where: { userId: id, usedAt: null }, data: { usedAt: clock.now() } });
        }
        return tx.staffUser.update({ where: { id }, data: patch, select: { id: true } });
      },
    );
    return c.json({}, 200);
  })
  .openapi(reinvite, async (c) => {
    const scope = await requireArea(c, "directory");
    const { id } = c.req.valid("param");
    const { db, clock, config } = c.var.deps;
    const account = await loadAccount(db, id);
    if (!account || !scope.seesAccount(rolesOfAccount(account))) throw notFound("Compte");
    // An account that also works elsewhere is not this structure's to open.
    if (!scope.managesAccount(rolesOfAccount(account))) {
      throw new AppError(
        "FORBIDDEN",
        "Ce compte a aussi des rôles hors de vos structures : seule la Région peut lui renvoyer une invitation.",
      );
    }
    if (!account.active) throw new AppError("CONFLICT", "Ce compte est désactivé.");
    if (account.passwordHash) {
      throw new AppError("CONFLICT", "Ce compte a déjà un mot de passe : la personne peut utiliser « Mot de passe oublié ».");
    }
    await audited(c, { action: "user.invite", entity: "StaffUser" }, async (tx) => {
      // The new link replaces the old ones.
      await tx.passwordLink.updateMany({ where: { userId: id, usedAt: null }, data: { usedAt: clock.now() } });
      await issuePasswordLink(tx, account, "invitation", {
        now: clock.now(),
        publicUrl: config.publicUrl,
        secret: config.sessionSecret,
        invitedBy: fullName(scope.user),
      });
      return account;
    });
    return c.json({}, 200);
  });

const fullName = (user: { firstName: string; lastName: string }) => `${user.firstName} ${user.lastName}`;
