import { z } from "@hono/zod-openapi";
import { requireArea } from "../../auth/http.ts";
import { issueMembershipInvitation } from "../../auth/membership-invitations.ts";
import { unique } from "../../db/errors.ts";
import { AppError, validationError } from "../../errors.ts";
import { createRouter } from "../../http/router.ts";
import { audited, done, json, jsonBody } from "../../http/staff-routes.ts";
import { adminRoute, managedStructure, scoped } from "./route.ts";
import { IdParam, MemberInvite, MembershipPatch } from "./schemas.ts";

// Staff join a structure through a membership (one per role). Nobody joins without accepting:
// a structure admin invites an address, and its holder accepts from the e-mailed link
// (auth/membership-invitations.ts). The admin's answer is the same whether the address has an
// account or not. The Région gives an existing account the role at once; and an account that
// already works in the structure gains another role there at once.

const invite = adminRoute({
  method: "post",
  path: "/structures/{id}/members",
  summary:
    "Inviter une personne à prendre un rôle dans la structure : elle le reçoit en acceptant l'invitation envoyée par courriel (la même réponse, que l'adresse ait un compte ou non)",
  request: { params: IdParam, body: jsonBody(MemberInvite) },
  responses: {
    201: json(
      z.object({
        id: z.uuid().openapi({ description: "L'invitation, ou l'appartenance quand le rôle est donné tout de suite." }),
        state: z.enum(["invited", "member"]).openapi({
          description:
            "« invited » : une invitation est envoyée ; « member » : le rôle est donné (la Région, ou un compte qui travaille déjà dans la structure).",
        }),
      }),
      "L'invitation envoyée, ou le rôle donné.",
    ),
  },
});
const withdraw = adminRoute({
  method: "delete",
  path: "/invitations/{id}",
  summary: "Retirer une invitation en attente (son lien ne fonctionne plus)",
  request: { params: IdParam },
  responses: done,
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
    const scope = await requireArea(c, "directory");
    const { db, clock, config } = c.var.deps;
    const structure = await managedStructure(db, scope, c.req.valid("param").id);
    const invitee = c.req.valid("json");
    checkRole(invitee.role, structure.network.kind);
    const now = clock.now();
    const details = { role: invitee.role, structureId: structure.id };
    // Only an account the user may already see (one working in the structure, or any for the
    // Région) gets the role at once; anyone else is invited, whether they have an account or not.
    const account = await db.prisma.staffUser.findFirst({
      where: {
        email: invitee.email,
        active: true,
        ...(!scope.region && { memberships: { some: { structureId: structure.id } } }),
      },
      select: { id: true },
    });
    if (account) {
      const membership = await unique(
        () =>
          audited(c, { action: "membership.create", entity: "Membership", details }, (tx) =>
            tx.membership.create({
              data: { userId: account.id, structureId: structure.id, role: invitee.role },
              select: { id: true },
            }),
          ),
        "role",
        ALREADY,
      );
      return c.json({ id: membership.id, state: "member" as const }, 201);
    }
    const invitation = await audited(c, { action: "membership.invite", entity: "MembershipInvitation", details }, (tx) =>
      issueMembershipInvitation(tx, structure, invitee, {
        now,
        publicUrl: config.publicUrl,
        secret: config.sessionSecret,
        invitedBy: { id: scope.userId, name: `${scope.user.firstName} ${scope.user.lastName} (${structure.name})` },
      }),
    );
    return c.json({ id: invitation.id, state: "invited" as const }, 201);
  })
  .openapi(withdraw, async (c) => {
    const scope = await requireArea(c, "directory");
    const { id } = c.req.valid("param");
    const invitation = scoped(
      await scope.prisma.membershipInvitation.findUnique({ where: { id }, select: { structureId: true, role: true } }),
      (s) => scope.manages(s),
      "Invitation",
    );
    const details = { role: invitation.role, structureId: invitation.structureId };
    await audited(c, { action: "membership.withdraw", entity: "MembershipInvitation", details }, (tx) =>
      tx.membershipInvitation.delete({ where: { id }, select: { id: true } }),
    );
    return c.json({}, 200);
  })
  .openapi(changeRole, async (c) => {
    const scope = await requireArea(c, "directory");
    const { id } = c.req.valid("param");
    const membership = scoped(
      await scope.prisma.membership.findUnique({
        where: { id },
        select: { structureId: true, userId: true, structure: { select: { network: { select: { kind: true } } } } },
      }),
      (s) => scope.manages(s),
      "Rôle",
    );
    if (membership.userId === scope.user.id && !scope.region) throw notYourself();
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
    const scope = await requireArea(c, "directory");
    const { id } = c.req.valid("param");
    const membership = scoped(
      await scope.prisma.membership.findUnique({
        where: { id },
        select: { structureId: true, userId: true, role: true },
      }),
      (s) => scope.manages(s),
      "Rôle",
    );
    if (membership.userId === scope.user.id && !scope.region) throw notYourself();
    const details = { role: membership.role, structureId: membership.structureId };
    await audited(c, { action: "membership.delete", entity: "Membership", details }, (tx) =>
      tx.membership.delete({ where: { id }, select: { id: true } }),
    );
    return c.json({}, 200);
  });
