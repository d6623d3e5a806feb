import type { z } from "zod";
import type { Database } from "../../db/database.ts";
import { validationError } from "../../errors.ts";
import type { FaqInput, FaqPatch } from "./faq.ts";

// What the verbs on « Questions / Réponses » share: their bodies, and how an entry names its service.

export type FaqEntryInput = z.infer<typeof FaqInput>;
export type FaqEntryPatch = z.infer<typeof FaqPatch>;

/** The service's id for its slug (null clears it); a 422 naming `service` when there is none. */
export async function serviceId(db: Database, service: string | null | undefined): Promise<string | null | undefined> {
  if (service === undefined || service === null) return service;
  const found = await db.prisma.service.findUnique({ where: { slug: service }, select: { id: true } });
  if (!found) throw validationError({ service: `aucun service ne s'appelle « ${service} ».` });
  return found.id;
}
