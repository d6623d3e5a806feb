import type { StaffDeps } from "../../context.ts";
import { audited } from "../../db/audit.ts";
import { unique } from "../../db/errors.ts";
import { de } from "../../domain/french.ts";
import { AppError, validationError } from "../../errors.ts";
import { allowed, checkTarget, visibleReferral } from "./guards.ts";
import { alertTarget, recordEvent } from "./referrals.ts";

const AGAIN = "Cette orientation a déjà été adressée de nouveau";

export interface ReaddressInput {
  id: string;
  toStructureId: string;
  serviceId?: string | undefined;
  /** The need as told to the new structure; the declined referral's when not given. */
  need?: string | undefined;
}

/**
 * After a refusal, the referrer sends the person elsewhere without typing them again: a new
 * referral from the same structure, for the same person and with the agreement they gave,
 * linked to the declined one (which stays declined, and is re-addressed once).
 */
export async function readdressReferral(deps: StaffDeps & { input: ReaddressInput }): Promise<{ id: string }> {
  const { db, clock, config, scope, input } = deps;
  const { r } = await visibleReferral(scope, input.id);
  if (!scope.refersFrom(r.fromStructureId)) {
    throw new AppError(
      "FORBIDDEN",
      "Votre rôle ne permet pas d'adresser cette orientation ailleurs : seule la structure qui l'a envoyée le fait.",
    );
  }
  allowed(r, "readdress");
  if (r.readdressedTo) throw new AppError("CONFLICT", `${AGAIN}, à ${r.readdressedTo.toStructure.name}.`);
  const serviceId = input.serviceId ?? r.service.id;
  if (input.toStructureId === r.toStructureId) {
    throw validationError({ toStructureId: "cette structure a refusé l'orientation : choisissez-en une autre." });
  }
  await checkTarget(db, input.toStructureId, serviceId, r.fromStructureId);
  const now = clock.now();
  // Two re-addressings at once: the second breaks the unique link and is told so.
  const made = await unique(
    () =>
      audited(
        deps,
        { action: "referral.readdress", entity: "Referral", details: { structureId: r.fromStructureId } },
        async (tx) => {
          const next = await tx.referral.create({
            data: {
              fromStructureId: r.fromStructureId,
              referrerId: scope.user.id,
              toStructureId: input.toStructureId,
              serviceId,
              personId: r.person.id,
              need: input.need ?? r.need,
              consentAt: r.consentAt,
              readdressedFromId: r.id,
              originStructureIds: r.originStructureIds,
              createdAt: now,
            },
            select: { id: true },
          });
          await recordEvent(tx, next.id, {
            kind: "created",
            at: now,
            byId: scope.user.id,
            detail: `après le refus ${de(r.toStructure.name)}`,
          });
          await alertTarget(
            tx,
            { id: next.id, fromStructureId: r.fromStructureId, toStructureId: input.toStructureId },
            { now, config },
          );
          return next;
        },
      ),
    "toStructureId",
    `${AGAIN}.`,
  );
  return { id: made.id };
}
