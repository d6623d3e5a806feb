import type { StaffDeps } from "../../context.ts";
import { audited } from "../../db/audit.ts";
import { smsNumber } from "../../domain/contact.ts";
import { isMobile, phoneForPeople } from "../../domain/phone.ts";
import { INVITATION_DAYS } from "../../domain/referrals.ts";
import { validationError } from "../../errors.ts";
import { allowed, visibleReferral } from "./guards.ts";
import { invite } from "./referrals.ts";

/**
 * Invites the person to book themselves: a link by e-mail, by SMS to their mobile, both, or a
 * code to print. The link and the code are shown once; the previous ones stop working.
 */
export async function sendInvitation(
  deps: StaffDeps & { input: { id: string; email: boolean; sms?: boolean | undefined; days?: number | undefined } },
): Promise<{ url: string; code: string; expiresAt: string; sentTo: string | null; textedTo: string | null }> {
  const { clock, config, scope, input } = deps;
  const { r } = await visibleReferral(scope, input.id);
  allowed(r, "invite");
  const sms = input.sms === true;
  const refused: Record<string, string> = {};
  if (input.email && !r.person.email) refused.email = "La personne n'a pas d'adresse électronique : imprimez le code.";
  if (sms && !smsNumber(r.person)) {
    // A mobile whose owner unticked « Recevoir les rappels par SMS » is not texted either.
    refused.sms =
      r.person.phone && isMobile(r.person.phone)
        ? "La personne a refusé les SMS : imprimez le code."
        : "La personne n'a pas de numéro de mobile : imprimez le code.";
  }
  if (Object.keys(refused).length) throw validationError(refused);
  const now = clock.now();
  const sent = await audited(
    deps,
    { action: "referral.invite", entity: "Referral", details: { structureId: r.fromStructureId } },
    async (tx) => ({
      id: r.id,
      ...(await invite(tx, r, {
        days: input.days ?? INVITATION_DAYS,
        email: input.email,
        sms,
        now,
        byId: scope.user.id,
        config,
      })),
    }),
  );
  return {
    url: sent.url,
    code: sent.code,
    expiresAt: sent.expiresAt.toISOString(),
    sentTo: sent.sentTo,
    textedTo: sent.textedTo && phoneForPeople(sent.textedTo),
  };
}
