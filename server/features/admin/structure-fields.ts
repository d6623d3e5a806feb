import type { Database } from "../../db/database.ts";
import { validationError } from "../../errors.ts";

// What the verbs on structures share: a structure's summary, its network's check, its slug's conflict.

export const summarySelect = {
  id: true,
  slug: true,
  name: true,
  active: true,
  network: { select: { id: true, name: true, kind: true } },
} as const;

export const SLUG_TAKEN = "Cet identifiant est déjà pris par une autre structure.";

export async function checkNetwork(db: Database, networkId: string) {
  if (!(await db.prisma.network.count({ where: { id: networkId } }))) throw validationError({ networkId: "réseau inconnu." });
}
