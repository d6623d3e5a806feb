import type { Database } from "../../db/database.ts";

export async function listServices({ db }: { db: Database }) {
  return db.prisma.service.findMany({
    orderBy: [{ position: "asc" }, { name: "asc" }],
    select: { id: true, slug: true, name: true, description: true },
  });
}
