import type { StaffDeps } from "../../context.ts";
import { audited } from "../../db/audit.ts";
import { AppError } from "../../errors.ts";
import { allowed, visibleReferral } from "./guards.ts";
import { recordEvent, replaceInvitationCode } from "./referrals.ts";

/**
 * The invitation's slip printed again, at any time while it runs: a new code (the previous one
 * stops working, since it is stored hashed only), the same link and the same end. Whatever was
 * e-mailed keeps working; a pending SMS carries the new code.
 */
export async function reprintInvitation(
  deps: StaffDeps & { input: { id: string } },
): Promise<{ url: string; code: string; expiresAt: string; sentTo: null; textedTo: null }> {
  const { clock, config, scope, input } = deps;
  const { r } = await visibleReferral(scope, input.id);
  allowed(r, "invite");
  const now = clock.now();
  const { code, expiresAt } = await audited(
    deps,
    { action: "referral.reprint", entity: "Referral", details: { structureId: r.fromStructureId } },
    async (tx) => {
      const current = await tx.referral.findUniqueOrThrow({
        where: { id: r.id },
        select: { id: true, invitationCodeHash: true, invitationExpiresAt: true },
      });
      if (!current.invitationCodeHash || !current.invitationExpiresAt || current.invitationExpiresAt <= now)
        throw new AppError("CONFLICT", "Aucune invitation en cours : envoyez-en une nouvelle.");
      const replaced = await replaceInvitationCode(tx, current, config.sessionSecret);
      await recordEvent(tx, r.id, { kind: "invited", at: now, byId: scope.user.id, detail: "feuillet réimprimé, nouveau code" });
      return { id: r.id, code: replaced, expiresAt: current.invitationExpiresAt };
    },
  );
  return { url: `${config.publicUrl}/invitation`, code, expiresAt: expiresAt.toISOString(), sentTo: null, textedTo: null };
}
