import type { Database } from "../../db/database.ts";
import { sortFrench } from "../../domain/french.ts";

/** What fills the directory's search form: the SPRO's networks (not the partners), the territories and the services. */
export async function directoryFilters({ db }: { db: Database }) {
  const [networks, territories, services] = await Promise.all([
    db.prisma.network.findMany({ where: { kind: "spro" }, select: { slug: true, name: true } }),
    db.prisma.territory.findMany({ select: { slug: true, name: true } }),
    db.prisma.service.findMany({ orderBy: [{ position: "asc" }, { name: "asc" }], select: { slug: true, name: true } }),
  ]);
  return {
    networks: sortFrench(networks, (n) => n.name),
    territories: sortFrench(territories, (t) => t.name),
    services,
  };
}
