import type { StaffDeps } from "../../context.ts";

/** The questions / answers, published or not, in their order (the Région's). */
export async function listFaqEntries({ scope }: StaffDeps) {
  scope.requireRegion();
  const entries = await scope.prisma.faqEntry.findMany({
    orderBy: [{ position: "asc" }, { slug: "asc" }],
    select: {
      id: true,
      slug: true,
      position: true,
      question: true,
      answer: true,
      need: true,
      published: true,
      service: { select: { slug: true, name: true } },
    },
  });
  return { entries };
}
