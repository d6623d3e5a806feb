import type { StaffDeps } from "../../context.ts";
import { audited } from "../../db/audit.ts";
import { sqlIn } from "../../db/database.ts";
import { AppError } from "../../errors.ts";
import { lockLivePerson } from "../appointments/live-person.ts";
import { visibleAppointment } from "./visible-appointment.ts";

/** Writes an appointment's private notes (the structure's alone), never about an erased person. */
export async function writeNotes(deps: StaffDeps & { input: { id: string; notes: string } }) {
  const { id, notes: value } = deps.input;
  const row = await visibleAppointment(deps.scope, id);
  await audited(
    deps,
    { action: "appointment.notes", entity: "Appointment", details: { structureId: row.structureId } },
    async (tx) => {
      // Notes about an erased person would undo the erasure; the same lock as the erasure's,
      // so that one waiting for the other sees it.
      await lockLivePerson(sqlIn(tx), row.personId, () => {
        const message = "Les données de cette personne ont été effacées : aucune note ne peut plus être écrite à son sujet.";
        return new AppError("CONFLICT", message, { fields: { notes: message } });
      });
      return tx.appointment.update({ where: { id }, data: { notes: value }, select: { id: true } });
    },
  );
  return {};
}
