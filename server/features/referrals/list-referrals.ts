import type { StaffDeps } from "../../context.ts";
import type { Prisma } from "../../db/generated/client.ts";
import type { FollowedStatus } from "../../domain/referrals.ts";
import { notFound } from "../../errors.ts";
import { referralSelect, referralView } from "./referrals.ts";

/** A page of referrals: enough to read on a phone, few enough that the partner searches rather than scrolls. */
export const REFERRALS_PAGE_SIZE = 20;

export interface ListReferralsInput {
  box: "sent" | "received";
  structure?: string | undefined;
  /** Words of the person's name, each found in the first or last name. */
  q?: string | undefined;
  /** What the referrer follows: the state, or once booked what became of the meeting. */
  status?: FollowedStatus | undefined;
  page?: number | undefined;
}

/** The rows of a followed status: « booked » is a meeting without an outcome yet, an outcome is a booked meeting's. */
function statusRows(status: FollowedStatus): Prisma.ReferralWhereInput {
  if (status === "booked") return { status: "booked", appointment: { outcome: null } };
  if (status === "honoured" || status === "no_show" || status === "excused") {
    return { status: "booked", appointment: { outcome: status } };
  }
  return { status };
}

function nameRows(q: string): Prisma.ReferralWhereInput[] {
  return q
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => ({
      person: {
        OR: [{ firstName: { contains: word, mode: "insensitive" } }, { lastName: { contains: word, mode: "insensitive" } }],
      },
    }));
}

/**
 * The referrals sent by the user's structures (any role there) or received by them (staff
 * roles), or one structure's; by the person's name and by status; a page of them, the latest first.
 */
export async function listReferrals({ scope, input }: StaffDeps & { input: ListReferralsInput }) {
  const { box, structure } = input;
  const boxes = box === "sent" ? scope.memberOf : scope.staffOf;
  if (structure && !boxes.includes(structure)) throw notFound("Structure");
  const ids = structure ? [structure] : [...boxes];
  const where: Prisma.ReferralWhereInput = {
    AND: [
      box === "sent" ? { fromStructureId: { in: ids } } : { toStructureId: { in: ids } },
      ...(input.status ? [statusRows(input.status)] : []),
      ...nameRows(input.q ?? ""),
    ],
  };
  const total = await scope.prisma.referral.count({ where });
  const pages = Math.max(1, Math.ceil(total / REFERRALS_PAGE_SIZE));
  const page = Math.min(input.page ?? 1, pages);
  const rows = await scope.prisma.referral.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    skip: (page - 1) * REFERRALS_PAGE_SIZE,
    take: REFERRALS_PAGE_SIZE,
    select: referralSelect,
  });
  return { referrals: rows.map(referralView), total, page, pages, pageSize: REFERRALS_PAGE_SIZE };
}

/**
 * How many referrals wait for an answer: received by the structures where the user answers
 * them (the inbox's count in the navigation), and sent by their structures.
 */
export async function countPending({ scope }: StaffDeps) {
  const waiting = (rows: Prisma.ReferralWhereInput) =>
    scope.prisma.referral.count({ where: { AND: [rows, { status: "sent" }] } });
  const [received, sent] = await Promise.all([
    scope.staffOf.length ? waiting({ toStructureId: { in: [...scope.staffOf] } }) : 0,
    scope.memberOf.length ? waiting({ fromStructureId: { in: [...scope.memberOf] } }) : 0,
  ]);
  return { received, sent };
}
