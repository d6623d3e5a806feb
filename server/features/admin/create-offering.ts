import type { z } from "zod";
import type { StaffDeps } from "../../context.ts";
import { audited } from "../../db/audit.ts";
import { unique } from "../../db/errors.ts";
import { validationError } from "../../errors.ts";
import { managedStructure } from "./access.ts";
import { checkAges } from "./offering-ages.ts";
import type { OfferingInput } from "./schemas.ts";

/** Offers a service in a structure the user runs, with its settings; one offering a service. */
export async function createOffering(deps: StaffDeps & { input: { structureId: string } & z.infer<typeof OfferingInput> }) {
  const { db, scope, input } = deps;
  const { structureId, ...offering } = input;
  await managedStructure(db, scope, structureId);
  checkAges(offering);
  if (!(await db.prisma.service.count({ where: { id: offering.serviceId } })))
    throw validationError({ serviceId: "service inconnu." });
  return unique(
    () =>
      audited(deps, { action: "offering.create", entity: "Offering", details: { structureId } }, (tx) =>
        tx.offering.create({ data: { ...offering, structureId }, select: { id: true } }),
      ),
    "serviceId",
    "Cette structure offre déjà ce service : modifiez l'offre existante.",
  );
}
