import type { StaffDeps } from "../../context.ts";
import { audited, changedFields } from "../../db/audit.ts";
import { notFound } from "../../errors.ts";
import { type FaqEntryPatch, serviceId } from "./faq-entries.ts";

/** Edits, moves, publishes or withdraws a question / answer (the Région's). */
export async function updateFaqEntry(deps: StaffDeps & { input: { id: string } & FaqEntryPatch }) {
  const { db, scope, input } = deps;
  scope.requireRegion();
  const { id, service, ...patch } = input;
  const current = await db.prisma.faqEntry.findUnique({ where: { id }, include: { service: { select: { slug: true } } } });
  if (!current) throw notFound("Question");
  const data = { ...patch, ...(service !== undefined && { serviceId: await serviceId(db, service) }) };
  const details = { fields: changedFields({ ...patch, service }, { ...current, service: current.service?.slug ?? null }) };
  await audited(deps, { action: "faq.update", entity: "FaqEntry", details }, (tx) =>
    tx.faqEntry.update({ where: { id }, data, select: { id: true } }),
  );
}
