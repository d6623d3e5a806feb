import type { StaffDeps } from "../../context.ts";
import { literally } from "../../db/database.ts";
import { sortFrench } from "../../domain/french.ts";
import { accountSelect, present } from "./accounts.ts";

/** The staff accounts the user runs (all for the Région), by name, 200 at most; `q` a part of a name or address. */
export async function listAccounts({ scope, input: { q: typed } }: StaffDeps & { input: { q?: string | undefined } }) {
  const q = typed && literally(typed);
  const ids = scope.managedIds();
  const users = await scope.prisma.staffUser.findMany({
    where: {
      ...(ids && { memberships: { some: { structureId: { in: ids } } } }),
      ...(q && {
        OR: [
          { email: { contains: q, mode: "insensitive" as const } },
          { lastName: { contains: q, mode: "insensitive" as const } },
          { firstName: { contains: q, mode: "insensitive" as const } },
        ],
      }),
    },
    select: accountSelect,
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
    take: 200,
  });
  return { users: sortFrench(users.map(present(scope)), (u) => `${u.lastName} ${u.firstName}`) };
}
