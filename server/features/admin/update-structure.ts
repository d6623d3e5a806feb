import type { z } from "zod";
import type { StaffDeps } from "../../context.ts";
import { audited, changedFields } from "../../db/audit.ts";
import { unique } from "../../db/errors.ts";
import { AppError, validationError } from "../../errors.ts";
import { checkCommunes, managedStructure } from "./access.ts";
import { REGIONAL_STRUCTURE_FIELDS, type StructurePatch } from "./schemas.ts";
import { checkNetwork, SLUG_TAKEN } from "./structure-fields.ts";

/** Edits a structure the user runs; its identity, network and communes are the Région's to change. */
export async function updateStructure(deps: StaffDeps & { input: { id: string } & z.infer<typeof StructurePatch> }) {
  const { db, scope, input } = deps;
  const { id, communes, ...patch } = input;
  await managedStructure(db, scope, id);
  const current = await db.prisma.structure.findUniqueOrThrow({ where: { id }, include: { communes: true } });
  const fields = changedFields({ ...patch, communes }, { ...current, communes: current.communes.map((c) => c.communeCode) });
  const regional = fields.filter((f) => REGIONAL_STRUCTURE_FIELDS.includes(f));
  if (regional.length && !scope.region) {
    throw new AppError("FORBIDDEN", `Seule la Région peut modifier « ${regional.join(" », « ")} » d'une structure.`, {
      fields: Object.fromEntries(regional.map((f) => [f, "réservé à l'administration régionale."])),
    });
  }
  if ((patch.inboxAlert ?? current.inboxAlert) && !(patch.inboxEmail === undefined ? current.inboxEmail : patch.inboxEmail)) {
    throw validationError({ inboxEmail: "saisissez l'adresse à prévenir des orientations reçues." });
  }
  if (patch.networkId) await checkNetwork(db, patch.networkId);
  await checkCommunes(db, communes);
  await unique(
    () =>
      audited(deps, { action: "structure.update", entity: "Structure", details: { fields } }, async (tx) => {
        if (communes) {
          await tx.structureCommune.deleteMany({ where: { structureId: id } });
          await tx.structureCommune.createMany({ data: communes.map((communeCode) => ({ structureId: id, communeCode })) });
        }
        return tx.structure.update({ where: { id }, data: patch, select: { id: true } });
      }),
    "slug",
    SLUG_TAKEN,
  );
}
