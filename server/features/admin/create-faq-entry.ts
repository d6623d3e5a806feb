import type { StaffDeps } from "../../context.ts";
import { audited } from "../../db/audit.ts";
import { unique } from "../../db/errors.ts";
import { type FaqEntryInput, serviceId } from "./faq-entries.ts";

/** Adds a question / answer (the Région's); its slug is its own. */
export async function createFaqEntry(deps: StaffDeps & { input: FaqEntryInput }) {
  const { db, scope, input } = deps;
  scope.requireRegion();
  const { service, ...entry } = input;
  const data = { ...entry, serviceId: await serviceId(db, service) };
  return unique(
    () => audited(deps, { action: "faq.create", entity: "FaqEntry" }, (tx) => tx.faqEntry.create({ data, select: { id: true } })),
    "slug",
    "Cet identifiant est déjà pris par une autre question.",
  );
}
