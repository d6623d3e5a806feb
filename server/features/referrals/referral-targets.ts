import type { StaffDeps } from "../../context.ts";
import { sortFrench } from "../../domain/french.ts";
import { byDistance, byProximity } from "../../domain/proximity.ts";
import { validationError } from "../../errors.ts";
import { homeOf, placeOf, sitePlaceSelect } from "../structures/places.ts";
import { visibleReferral } from "./guards.ts";

/**
 * Where the person of a referral may be sent for a service — the target redirecting them, or the
 * referrer re-addressing them after a refusal: the active SPRO structures offering it, the
 * nearest the person's commune first (domain/proximity.ts, as the public directory), then A–Z.
 * The structure that holds the referral now and the one that sends it are left out.
 */
export async function listReferralTargets({ db, scope, input }: StaffDeps & { input: { id: string; service: string } }) {
  const { r, handler } = await visibleReferral(scope, input.id);
  const service = await db.prisma.service.findUnique({ where: { id: input.service }, select: { id: true } });
  if (!service) throw validationError({ service: "service inconnu." });
  const excluded = [r.toStructureId, ...(handler ? [] : [r.fromStructureId])];
  const structures = await db.prisma.structure.findMany({
    where: {
      active: true,
      id: { notIn: excluded },
      network: { kind: "spro" },
      offerings: { some: { serviceId: service.id, active: true } },
    },
    select: { id: true, name: true, sites: { where: { active: true }, select: sitePlaceSelect } },
  });
  const commune = r.person.commune;
  const home = commune ? await homeOf(db, commune.code) : null;
  // Nearest first in kilometres, as the dialog says (« Les plus proches d'abord »): a structure
  // 38 km away across a département line comes before one 68 km away within it.
  const ranked = home
    ? byDistance(
        byProximity(
          home,
          structures,
          (s) => s.sites.map(placeOf),
          (s) => s.name,
        ),
      )
    : sortFrench(structures, (s) => s.name).map((item) => ({ item, closeness: null }));
  return {
    commune,
    structures: ranked.map(({ item, closeness }) => ({ id: item.id, name: item.name, closeness })),
  };
}
