import type { StaffDeps } from "../../context.ts";
import { sortFrench } from "../../domain/french.ts";

/** The coordination territories by name, with their communes and coordinators (the Région's). */
export async function listTerritories({ scope }: StaffDeps) {
  scope.requireRegion();
  const territories = await scope.prisma.territory.findMany({
    select: {
      id: true,
      slug: true,
      name: true,
      communes: { select: { commune: { select: { code: true, name: true } } }, orderBy: { commune: { name: "asc" } } },
      coordinators: { select: { user: { select: { id: true, firstName: true, lastName: true } } } },
    },
    orderBy: { name: "asc" },
  });
  const list = territories.map((t) => ({
    ...t,
    communes: sortFrench(
      t.communes.map((c) => c.commune),
      (c) => c.name,
    ),
    coordinators: t.coordinators.map((c) => c.user),
  }));
  return { territories: sortFrench(list, (t) => t.name) };
}
