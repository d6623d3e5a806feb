import type { StaffDeps } from "../../context.ts";
import { notFound } from "../../errors.ts";
import { referralSelect, referralView } from "./referrals.ts";

/**
 * The referrals sent by the user's structures (any role there) or received by them (staff
 * roles), or one structure's: 200 at most, the latest first.
 */
export async function listReferrals({
  scope,
  input,
}: StaffDeps & { input: { box: "sent" | "received"; structure?: string | undefined } }) {
  const { box, structure } = input;
  const boxes = box === "sent" ? scope.memberOf : scope.staffOf;
  if (structure && !boxes.includes(structure)) throw notFound("Structure");
  const ids = structure ? [structure] : [...boxes];
  const rows = await scope.prisma.referral.findMany({
    where: box === "sent" ? { fromStructureId: { in: ids } } : { toStructureId: { in: ids } },
    orderBy: { createdAt: "desc" },
    take: 200,
    select: referralSelect,
  });
  return { referrals: rows.map(referralView) };
}
