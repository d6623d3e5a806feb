import type { z } from "zod";
import type { StaffDeps } from "../../context.ts";
import { audited } from "../../db/audit.ts";
import { notFound } from "../../errors.ts";
import type { PersonFields } from "../bookings/schemas.ts";
import { checkTarget } from "./guards.ts";
import { alertTarget, recordEvent } from "./referrals.ts";

export interface CreateReferralInput {
  fromStructureId: string;
  toStructureId: string;
  serviceId: string;
  person: z.infer<typeof PersonFields>;
  need: string;
  consent: true;
}

/**
 * Refers a person from one of the user's structures to another structure, with the person's
 * agreement: the person and the referral are written, with the referral's first event.
 */
export async function createReferral(deps: StaffDeps & { input: CreateReferralInput }): Promise<{ id: string }> {
  const { db, clock, config, scope, input } = deps;
  if (!scope.refersFrom(input.fromStructureId)) throw notFound("Structure");
  await checkTarget(db, input.toStructureId, input.serviceId, input.fromStructureId);
  const now = clock.now();
  const { commune, ...person } = input.person;
  const made = await audited(
    deps,
    { action: "referral.create", entity: "Referral", details: { structureId: input.fromStructureId } },
    async (tx) => {
      const known = commune && (await tx.commune.count({ where: { code: commune } }));
      const { id: personId } = await tx.person.create({
        data: { ...person, communeCode: known ? commune : null, lastActivityAt: now },
        select: { id: true },
      });
      const referral = await tx.referral.create({
        data: {
          fromStructureId: input.fromStructureId,
          referrerId: scope.user.id,
          toStructureId: input.toStructureId,
          serviceId: input.serviceId,
          personId,
          need: input.need,
          consentAt: now,
          createdAt: now,
        },
        select: { id: true },
      });
      await recordEvent(tx, referral.id, { kind: "created", at: now, byId: scope.user.id });
      await alertTarget(
        tx,
        { id: referral.id, fromStructureId: input.fromStructureId, toStructureId: input.toStructureId },
        { now, config },
      );
      return referral;
    },
  );
  return { id: made.id };
}
