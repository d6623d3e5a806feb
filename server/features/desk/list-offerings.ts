import type { StaffDeps } from "../../context.ts";
import { sortFrench } from "../../domain/french.ts";
import { notFound } from "../../errors.ts";

/** A structure's offerings the user may book for someone (all of them in their own), and its advisors. */
export async function listOfferings({ db, scope, input: { structure } }: StaffDeps & { input: { structure: string } }) {
  const own = scope.booksFor(structure);
  const found = await db.prisma.structure.findFirst({
    where: { id: structure, active: true },
    select: {
      id: true,
      name: true,
      offerings: {
        where: { active: true, ...(!own && { bookableBy: { in: ["public", "staff"] } }) },
        orderBy: { service: { position: "asc" } },
        select: {
          id: true,
          durationMinutes: true,
          modes: true,
          bookableBy: true,
          service: { select: { id: true, name: true } },
        },
      },
      // The places a slot may be filtered by (the desk's « Lieu ou mode »).
      sites: { where: { active: true }, orderBy: { name: "asc" }, select: { id: true, name: true } },
      memberships: {
        where: { role: "advisor", user: { active: true } },
        select: { user: { select: { id: true, firstName: true, lastName: true } } },
      },
    },
  });
  if (!found) throw notFound("Structure");
  const { memberships, ...rest } = found;
  return {
    structure: {
      ...rest,
      advisors: sortFrench(
        memberships.map((m) => m.user),
        (u) => `${u.lastName} ${u.firstName}`,
      ),
    },
  };
}
