import type { StaffDeps } from "../../context.ts";
import { sortFrench } from "../../domain/french.ts";

/** The networks (CIO, Missions Locales…) and partner organisations, by name, with their structures' count. */
export async function listNetworks({ scope }: StaffDeps) {
  const networks = await scope.prisma.network.findMany({
    select: { id: true, slug: true, name: true, kind: true, description: true, _count: { select: { structures: true } } },
    orderBy: { name: "asc" },
  });
  const list = networks.map(({ _count, ...n }) => ({ ...n, structureCount: _count.structures }));
  return { networks: sortFrench(list, (n) => n.name) };
}
