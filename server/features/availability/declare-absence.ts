import type { StaffDeps } from "../../context.ts";
import { localInstant, parseTime } from "../../domain/time.ts";
import { validationError } from "../../errors.ts";
import { changeAvailability } from "./affected.ts";
import { editable, type OnBooked } from "./editable.ts";

/** Declares an advisor's absence (part of a day or several days), in local time of the structure. */
export async function declareAbsence(
  deps: StaffDeps & {
    input: {
      advisorId: string;
      structureId: string;
      start: string;
      end: string;
      reason?: string | undefined;
      onBooked?: OnBooked;
    };
  },
) {
  const { advisorId, structureId, start, end, reason, onBooked } = deps.input;
  const structure = await editable(deps, advisorId, structureId);
  const instant = (local: string, field: string) => {
    const at = localInstant(local.slice(0, 10), parseTime(local.slice(11)) ?? 0, structure.timeZone);
    if (!at) throw validationError({ [field]: "Cette heure n'existe pas ce jour-là (passage à l'heure d'été)." });
    return at;
  };
  const startsAt = instant(start, "start");
  const endsAt = instant(end, "end");
  if (endsAt <= startsAt) throw validationError({ end: "La fin doit suivre le début." });
  return changeAvailability(
    deps,
    { advisorIds: [advisorId], structureId, onBooked, span: { from: startsAt, to: endsAt } },
    { action: "absence.create", entity: "Absence" },
    (tx) => tx.absence.create({ data: { advisorId, structureId, startsAt, endsAt, reason: reason ?? "" }, select: { id: true } }),
  );
}
