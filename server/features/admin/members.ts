import { z } from "@hono/zod-openapi";
import { issuePasswordLink } from "../../auth/password-links.ts";
import { canManageStructure } from "../../auth/policy.ts";
import { requireArea } from "../../auth/roles.ts";
import { recordAudit } from "../../db/audit.ts";
import { AppError, validationError } from "../../errors.ts";
import { createRouter } from "../../http/router.ts";
import { audited, Created, done, json, jsonBody, unique } from "../../http/staff-routes.ts";
import { adminRoute, managedStructure, scoped } from "./route.ts";
import { IdParam, MemberInvite, MembershipPatch } from "./schemas.ts";

// Staff join a structure through a membership (one per role). Inviting an e-mail that has no
// account yet opens one and sends the invitation; an existing account just gains the role.

const invite = adminRoute({
  method: "post",
  path: "/structures/{id}/members",
  summary: "Donner un rôle dans la structure à une personne (invitée par courriel si elle n'a pas de compte)",
  request: { params: IdParam, body: jsonBody(MemberInvite) },
  responses: {
    201: json(
      Created.extend({ invitationSent: z.boolean().openapi({ description: "Un compte a été ouvert et l'invitation envoyée." }) }),
      "L'appartenance : son identifiant.",
    ),
  },
});
const changeRole = adminRoute({
  method: "patch",
  path: "/memberships/{id}",
  summary: "Changer le rôle d'une personne dans la structure",
  request: { params: IdParam, body: jsonBody(MembershipPatch) },
  responses: done,
});
const remove = adminRoute({
  method: "delete",
  path: "/memberships/{id}",
  summary: "Retirer un rôle dans la structure (le compte reste, avec ses autres rôles)",
  request: { params: IdParam },
  responses: done,
});

/** A partner organisation has no calendar: nobody there is an advisor or at the reception desk. */
function checkRole(role: string, networkKind: "spro" | "partner") {
  if (networkKind === "partner" && (role === "advisor" || role === "reception")) {
    throw validationError({ role: "un partenaire n'a pas d'agenda : rôles possibles, orienteur ou administrateur." });
  }
}
const ALREADY = "Cette personne a déjà ce rôle dans la structure.";
const notYourself = () =>
  new AppError("CONFLICT", "Vous ne pouvez pas modifier vos propres rôles : demandez à un autre administrateur.");

export const memberAdmin = createRouter()
  .openapi(invite, async (c) => {
    const { staff, roles } = await requireArea(c, "directory");
    const { db, clock, config } = c.var.deps;
    const structure = await managedStructure(db, roles, c.req.valid("param").id);
    const { email, firstName, lastName, role } = c.req.valid("json");
    checkRole(role, structure.network.kind);
    const now = clock.now();
    const details = { role, structureId: structure.id };
    const membership = await unique(
      () =>
        audited(c, { action: "membership.create", entity: "Membership", details }, async (tx) => {
          const select = { id: true, email: true, firstName: true, active: true } as const;
          let user = await tx.staffUser.findUnique({ where: { email }, select });
          if (user && !user.active) {
            throw new AppError("CONFLICT", "Ce compte est désactivé : demandez à l'administration régionale de le réactiver.");
          }
          const invitationSent = !user;
          if (!user) {
            user = await tx.staffUser.create({ data: { email, firstName, lastName }, select });
            await recordAudit(tx, { actorId: staff.user.id, action: "user.create", entity: "StaffUser", entityId: user.id }, now);
            await issuePasswordLink(tx, user, "invitation", {
              now,
              publicUrl: config.publicUrl,
              invitedBy: `${staff.user.firstName} ${staff.user.lastName} (${structure.name})`,
            });
          }
          const membership = await tx.membership.create({
            data: { userId: user.id, structureId: structure.id, role },
            select: { id: true },
          });
          return { ...membership, invitationSent };
        }),
      "role",
      ALREADY,
    );
    return c.json(membership, 201);
  })
  .openapi(changeRole, async (c) => {
    const { staff, roles } = await requireArea(c, "directory");
    const { id } = c.req.valid("param");
    const membership = scoped(
      await c.var.deps.db.prisma.membership.findUnique({
        where: { id },
        select: { structureId: true, userId: true, structure: { select: { network: { select: { kind: true } } } } },
      }),
      (s) => canManageStructure(roles, s),
      "Rôle",
    );
    if (membership.userId === staff.user.id && !roles.regionalAdmin) throw notYourself();
    const { role } = c.req.valid("json");
    checkRole(role, membership.structure.network.kind);
    const details = { role, structureId: membership.structureId };
    await unique(
      () =>
        audited(c, { action: "membership.update", entity: "Membership", details }, (tx) =>
          tx.membership.update({ where: { id }, data: { role }, select: { id: true } }),
        ),
      "role",
      ALREADY,
    );
    return c.json({}, 200);
  })
  .openapi(remove, async (c) => {
    const { staff, roles } = await requireArea(c, "directory");
    const { id } = c.req.valid("param");
    const membership = scoped(
      await c.var.deps.db.prisma.membership.findUnique({
        where: { id },
        select: { structureId: true, userId: true, role: true },
      }),
      (s) => canManageStructure(roles, s),
      "Rôle",
    );
    if (membership.userId === staff.user.id && !roles.regionalAdmin) throw notYourself();
    const details = { role: membership.role, structureId: membership.structureId };
    await audited(c, { action: "membership.delete", entity: "Membership", details }, (tx) =>
      tx.membership.delete({ where: { id }, select: { id: true } }),
    );
    return c.json({}, 200);
  });
