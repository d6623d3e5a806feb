import { z } from "@hono/zod-openapi";
import { act, staffDeps, whenDone } from "../../auth/http.ts";
import { createRouter } from "../../http/router.ts";
import { json, jsonBody } from "../../http/staff-routes.ts";
import { changeMemberRole } from "./change-member-role.ts";
import { inviteMember } from "./invite-member.ts";
import { removeMembership } from "./remove-membership.ts";
import { adminRoute, change, removal } from "./route.ts";
import { IdParam, MemberInvite, MembershipPatch } from "./schemas.ts";
import { withdrawInvitation } from "./withdraw-invitation.ts";

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
const withdraw = removal("/invitations/{id}", "Retirer une invitation en attente (son lien ne fonctionne plus)");
const changeRole = change("/memberships/{id}", "Changer le rôle d'une personne dans la structure", MembershipPatch);
const remove = removal("/memberships/{id}", "Retirer un rôle dans la structure (le compte reste, avec ses autres rôles)");

export const memberAdmin = createRouter()
  .openapi(invite, async (c) => {
    const deps = await staffDeps(c, "directory");
    const input = { ...c.req.valid("json"), structureId: c.req.valid("param").id };
    return c.json(await inviteMember({ ...deps, input }), 201);
  })
  .openapi(withdraw, (c) => whenDone(c, act(c, "directory", withdrawInvitation, c.req.valid("param"))))
  .openapi(changeRole, (c) =>
    whenDone(c, act(c, "directory", changeMemberRole, { ...c.req.valid("json"), ...c.req.valid("param") })),
  )
  .openapi(remove, (c) => whenDone(c, act(c, "directory", removeMembership, c.req.valid("param"))));
