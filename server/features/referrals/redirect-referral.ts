import type { StaffDeps } from "../../context.ts";
import { audited } from "../../db/audit.ts";
import { closeReferral, tellReferrer } from "./answer.ts";
import { allowed, answering, checkTarget, visibleReferral } from "./guards.ts";
import { alertTarget, recordEvent } from "./referrals.ts";

/**
 * The target refers the person on to another structure, with a reason: a new referral, the
 * target's, linked to this one, which ends redirected; the referrer is told by e-mail.
 */
export async function redirectReferral(
  deps: StaffDeps & { input: { id: string; toStructureId: string; serviceId?: string | undefined; reason: string } },
): Promise<{ id: string }> {
  const { db, clock, config, scope, input } = deps;
  const { r, handler } = await visibleReferral(scope, input.id);
  answering(handler);
  allowed(r, "redirect");
  const serviceId = input.serviceId ?? r.service.id;
  await checkTarget(db, input.toStructureId, serviceId, r.toStructureId);
  const now = clock.now();
  const elsewhere = await db.prisma.structure.findUniqueOrThrow({ where: { id: input.toStructureId }, select: { name: true } });
  // The new referral is the target's: it now refers the person on, with the agreement already given.
  const next = await audited(
    deps,
    { action: "referral.redirect", entity: "Referral", details: { structureId: r.toStructureId } },
    async (tx) => {
      await closeReferral(tx, r, "redirected", input.reason);
      const made = await tx.referral.create({
        data: {
          fromStructureId: r.toStructureId,
          referrerId: scope.user.id,
          toStructureId: input.toStructureId,
          serviceId,
          personId: r.person.id,
          need: r.need,
          consentAt: r.consentAt,
          redirectedFromId: r.id,
          // Whoever followed this one follows where it leads.
          originStructureIds: [r.fromStructureId, ...r.originStructureIds],
          createdAt: now,
        },
        select: { id: true },
      });
      await recordEvent(tx, r.id, {
        kind: "redirected",
        at: now,
        byId: scope.user.id,
        detail: `vers ${elsewhere.name} : ${input.reason}`,
      });
      await recordEvent(tx, made.id, {
        kind: "created",
        at: now,
        byId: scope.user.id,
        detail: `réorientée par ${r.toStructure.name}`,
      });
      await tellReferrer(
        tx,
        r,
        { kind: "redirected", reason: input.reason, elsewhere: elsewhere.name },
        {
          now,
          config,
          actorId: scope.user.id,
        },
      );
      await alertTarget(
        tx,
        { id: made.id, fromStructureId: r.toStructureId, toStructureId: input.toStructureId },
        { now, config },
      );
      return made;
    },
  );
  return { id: next.id };
}
