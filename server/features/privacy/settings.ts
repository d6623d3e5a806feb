import type { Database, Tx } from "../../db/database.ts";

/** The bounds the Région may choose from; the database's CHECK holds the same. */
export const RETENTION_MONTHS = { min: 6, max: 120, default: 24 } as const;

/** The retention period in months (the migration inserts the one row of settings). */
export async function retentionMonths(db: Database | Tx): Promise<number> {
  const prisma = "prisma" in db ? db.prisma : db;
  const settings = await prisma.platformSettings.findUnique({ where: { id: 1 }, select: { retentionMonths: true } });
  return settings?.retentionMonths ?? RETENTION_MONTHS.default;
}
