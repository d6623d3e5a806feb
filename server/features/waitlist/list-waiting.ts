import type { StaffDeps } from "../../context.ts";
import { notFound } from "../../errors.ts";
import { staffEntrySelect, staffEntryView } from "./staff-view.ts";

/**
 * A structure's waiting lists, as its advisors, reception and admins see them: who waits for
 * which of its offerings, in the order they will be offered freed time; those who left the
 * list too when asked (after the others, the latest first). Another structure's lists are
 * not found: the people on them are that structure's business.
 */
export async function listWaiting({
  scope,
  input,
}: StaffDeps & { input: { structure: string; offering?: string | undefined; ended?: "true" | "false" | undefined } }) {
  if (!scope.seesPeopleOf(input.structure)) throw notFound("Structure");
  const db = scope.prisma;
  const structure = await db.structure.findUnique({
    where: { id: input.structure },
    select: {
      id: true,
      name: true,
      // Collective sessions have no list (domain/waitlist.ts joinProblem).
      offerings: {
        where: { active: true, seats: 1 },
        select: {
          id: true,
          service: { select: { id: true, name: true } },
          _count: { select: { waitlist: { where: { endedAt: null } } } },
        },
        orderBy: { service: { position: "asc" } },
      },
    },
  });
  if (!structure) throw notFound("Structure");
  const where = { offering: { structureId: structure.id }, ...(input.offering && { offeringId: input.offering }) };
  const waiting = await db.waitlistEntry.findMany({
    where: { ...where, endedAt: null },
    orderBy: { queue: "asc" },
    select: staffEntrySelect,
  });
  const ended =
    input.ended === "true"
      ? await db.waitlistEntry.findMany({
          where: { ...where, endedAt: { not: null } },
          orderBy: { endedAt: "desc" },
          take: 200,
          select: staffEntrySelect,
        })
      : [];
  return {
    structure: { id: structure.id, name: structure.name },
    offerings: structure.offerings.map((o) => ({ id: o.id, service: o.service, waiting: o._count.waitlist })),
    entries: [...waiting, ...ended].map(staffEntryView),
  };
}
