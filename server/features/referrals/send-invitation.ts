import type { StaffDeps } from "../../context.ts";
import { audited } from "../../db/audit.ts";
import { INVITATION_DAYS } from "../../domain/referrals.ts";
import { validationError } from "../../errors.ts";
import { allowed, visibleReferral } from "./guards.ts";
import { invite } from "./referrals.ts";

/**
 * Invites the person to book themselves: a link by e-mail, or a code to print. The link and
 * the code are shown once; the previous ones stop working.
 */
export async function sendInvitation(
  deps: StaffDeps & { input: { id: string; email: boolean; days?: number | undefined } },
): Promise<{ url: string; code: string; expiresAt: string; sentTo: string | null }> {
  const { clock, config, scope, input } = deps;
  const { r } = await visibleReferral(scope, input.id);
  allowed(r, "invite");
  if (input.email && !r.person.email) {
    throw validationError({ email: "La personne n'a pas d'adresse électronique : imprimez le code." });
  }
  const now = clock.now();
  const sent = await audited(
    deps,
    { action: "referral.invite", entity: "Referral", details: { structureId: r.fromStructureId } },
    async (tx) => ({
      id: r.id,
      ...(await invite(tx, r, { days: input.days ?? INVITATION_DAYS, email: input.email, now, byId: scope.user.id, config })),
    }),
  );
  return { url: sent.url, code: sent.code, expiresAt: sent.expiresAt.toISOString(), sentTo: sent.sentTo };
}
