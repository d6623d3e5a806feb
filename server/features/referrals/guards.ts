import type { Scope } from "../../auth/scope.ts";
import type { Database } from "../../db/database.ts";
import { type ReferralAction, referralProblem } from "../../domain/referrals.ts";
import { AppError, notFound, validationError } from "../../errors.ts";
import { offeringSelect } from "../slots/load-availability.ts";
import { loadReferral, type ReferralRow } from "./referrals.ts";

// What the staff's referral verbs check before they act: who sees the referral, who may answer
// it, what its state allows, and where it may lead.

/** A referral the user sees (scope.ts; 404 otherwise), and what they are to it. */
export async function visibleReferral(scope: Scope, id: string) {
  const r = await loadReferral(scope, id);
  if (!r) throw notFound("Orientation");
  return { r, follower: scope.follows(r), handler: scope.handles(r) };
}

/** Accepting, declining, redirecting: the target's part. */
export function answering(handler: boolean) {
  if (!handler) {
    throw new AppError(
      "FORBIDDEN",
      "Votre rôle ne permet pas de répondre : seule la structure destinataire répond à une orientation.",
    );
  }
}

/** A 409 saying why, when the referral cannot take this action now (domain/referrals.ts). */
export function allowed(r: ReferralRow, action: ReferralAction) {
  const problem = referralProblem(r, action);
  if (problem) throw new AppError("CONFLICT", problem);
}

/** The offering of the referral's service at its target, whoever may book it. */
export async function targetOffering(db: Database, r: ReferralRow) {
  const row = await db.prisma.offering.findFirst({
    where: { structureId: r.toStructureId, serviceId: r.service.id, active: true, structure: { active: true } },
    select: { ...offeringSelect, bookableBy: true },
  });
  if (!row) throw new AppError("CONFLICT", "La structure n'offre plus ce service : réorientez la personne.");
  return row;
}

/** Someone may be referred to an active SPRO structure offering the service, not to a partner without calendar. */
export async function checkTarget(db: Database, toStructureId: string, serviceId: string, fromStructureId: string) {
  if (toStructureId === fromStructureId) throw validationError({ toStructureId: "Choisissez une autre structure que la vôtre." });
  const offering = await db.prisma.offering.findFirst({
    where: {
      structureId: toStructureId,
      serviceId,
      active: true,
      structure: { active: true, network: { kind: "spro" } },
    },
    select: { id: true },
  });
  if (!offering) throw validationError({ serviceId: "Cette structure n'offre pas ce service." });
}
