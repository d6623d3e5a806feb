import type { StaffDeps } from "../../context.ts";
import { managedStructure } from "../admin/access.ts";

/** A structure's API tokens, live and revoked, newest first: never the tokens themselves, which are not kept. */
export async function listTokens({ db, clock, scope, input }: StaffDeps & { input: { id: string } }) {
  const structure = await managedStructure(db, scope, input.id);
  const rows = await db.prisma.apiToken.findMany({
    where: { structureId: structure.id },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      name: true,
      prefix: true,
      permissions: true,
      createdAt: true,
      expiresAt: true,
      lastUsedAt: true,
      revokedAt: true,
      createdBy: { select: { firstName: true, lastName: true } },
    },
  });
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  const now = clock.now();
  return {
    tokens: rows.map((t) => ({
      ...t,
      createdAt: t.createdAt.toISOString(),
      expiresAt: iso(t.expiresAt),
      lastUsedAt: iso(t.lastUsedAt),
      revokedAt: iso(t.revokedAt),
      expired: t.expiresAt !== null && now >= t.expiresAt,
    })),
  };
}
