import { areasOf } from "../../auth/policy.ts";
import type { Database } from "../../db/database.ts";

/** The signed-in account as the staff space shows it: its roles, territories and the areas they open. */
export async function profileOf(db: Database, userId: string) {
  const user = await db.prisma.staffUser.findUniqueOrThrow({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      firstName: true,
      lastName: true,
      regionalAdmin: true,
      memberships: {
        select: { role: true, structure: { select: { id: true, name: true } } },
        orderBy: { structure: { name: "asc" } },
      },
      coordinates: { select: { territory: { select: { id: true, name: true } } } },
    },
  });
  const { coordinates, ...rest } = user;
  const territories = coordinates.map((c) => c.territory);
  const areas = areasOf({
    regionalAdmin: user.regionalAdmin,
    memberships: user.memberships.map((m) => ({ structureId: m.structure.id, role: m.role })),
    territories: territories.map((t) => t.id),
  });
  return { ...rest, territories, areas };
}
