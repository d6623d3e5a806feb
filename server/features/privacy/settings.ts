import type { Database, Tx } from "../../db/database.ts";

/** The bounds the Région may choose from; the database's CHECK holds the same. */
export const RETENTION_MONTHS = { min: 6, max: 120, default: 24 } as const;
/** The data protection officer's contact: an address, not a text (the database's CHECK holds the same). */
export const DPO_CONTACT_MAX = 200;

/** The platform's settings (the migration inserts the one row; defaults if it is missing). */
export async function platformSettings(db: Database | Tx): Promise<{ retentionMonths: number; dpoContact: string }> {
  const prisma = "prisma" in db ? db.prisma : db;
  const settings = await prisma.platformSettings.findUnique({
    where: { id: 1 },
    select: { retentionMonths: true, dpoContact: true },
  });
  return { retentionMonths: settings?.retentionMonths ?? RETENTION_MONTHS.default, dpoContact: settings?.dpoContact ?? "" };
}

/** The retention period in months. */
export async function retentionMonths(db: Database | Tx): Promise<number> {
  return (await platformSettings(db)).retentionMonths;
}
