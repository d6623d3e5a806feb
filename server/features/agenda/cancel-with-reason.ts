import type { StaffDeps } from "../../context.ts";
import { audited } from "../../db/audit.ts";
import { cancelAppointment } from "../appointments/cancel.ts";
import { visibleAppointment } from "./visible-appointment.ts";

/** The structure cancels an appointment, with a reason: the person is told (with the CANCEL .ics). */
export async function cancelWithReason(deps: StaffDeps & { input: { id: string; reason: string } }) {
  const { clock, config, scope, input } = deps;
  const { id, reason } = input;
  const row = await visibleAppointment(scope, id);
  const now = clock.now();
  // cancelAppointment asks the states' table under the row's lock: a meeting already cancelled,
  // or whose outcome is recorded, is a 409 that says so.
  await audited(
    deps,
    { action: "appointment.cancel", entity: "Appointment", details: { structureId: row.structureId } },
    async (tx) => {
      await cancelAppointment(tx, id, { by: "structure", reason }, { now, config, actorId: scope.user.id });
      return { id };
    },
  );
  return {};
}
