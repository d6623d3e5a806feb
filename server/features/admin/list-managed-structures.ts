import type { StaffDeps } from "../../context.ts";
import { sortFrench } from "../../domain/french.ts";
import { summarySelect } from "./structure-fields.ts";

/** The structures the user runs (all of them for the Région), in alphabetical order. */
export async function listManagedStructures({ scope }: StaffDeps) {
  const ids = scope.managedIds();
  const structures = await scope.prisma.structure.findMany({
    where: ids ? { id: { in: ids } } : {},
    select: summarySelect,
    orderBy: { name: "asc" },
  });
  return { structures: sortFrench(structures, (s) => s.name) };
}
