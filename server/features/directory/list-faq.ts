import type { Database } from "../../db/database.ts";

/** The published questions and answers, in the Région's order. */
export function listFaq({ db }: { db: Database }) {
  return db.prisma.faqEntry.findMany({
    where: { published: true },
    orderBy: [{ position: "asc" }, { slug: "asc" }],
    select: { slug: true, question: true, answer: true, need: true, service: { select: { slug: true, name: true } } },
  });
}
