import type { StaffDeps } from "../../context.ts";
import { audited } from "../../db/audit.ts";
import { notFound } from "../../errors.ts";

/** Deletes a question / answer (the Région's). */
export async function deleteFaqEntry(deps: StaffDeps & { input: { id: string } }) {
  const { scope, input } = deps;
  const { id } = input;
  scope.requireRegion();
  const current = await scope.prisma.faqEntry.findUnique({ where: { id }, select: { id: true } });
  if (!current) throw notFound("Question");
  await audited(deps, { action: "faq.delete", entity: "FaqEntry" }, (tx) =>
    tx.faqEntry.delete({ where: { id }, select: { id: true } }),
  );
}
