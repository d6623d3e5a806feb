import type { StaffDeps } from "../../context.ts";
import { sortFrench } from "../../domain/french.ts";

/** The structures where the user may book for someone: their own first, then those with an offering open to staff, by name. */
export async function listStructures({ scope }: StaffDeps) {
  const found = await scope.prisma.structure.findMany({
    where: { active: true, offerings: { some: { active: true } } },
    select: {
      id: true,
      name: true,
      network: { select: { name: true } },
      offerings: { where: { active: true }, select: { bookableBy: true } },
    },
  });
  const list = found
    .map(({ offerings: offered, ...s }) => ({ ...s, own: scope.booksFor(s.id), offered }))
    .filter((s) => s.own || s.offered.some((o) => o.bookableBy === "public" || o.bookableBy === "staff"))
    .map(({ offered: _, ...s }) => s);
  const sorted = sortFrench(list, (s) => s.name);
  return { structures: [...sorted.filter((s) => s.own), ...sorted.filter((s) => !s.own)] };
}
