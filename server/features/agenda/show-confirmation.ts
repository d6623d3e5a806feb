import type { StaffDeps } from "../../context.ts";
import { sqlIn } from "../../db/database.ts";
import { AppError } from "../../errors.ts";
import { loadAppointment } from "../appointments/details.ts";
import { linkHeld } from "../appointments/held-link.ts";
import { publicAppointment } from "../appointments/public-view.ts";
import { visibleAppointment } from "./visible-appointment.ts";

/**
 * What the printed confirmation says, at any time after the booking: the meeting as the person
 * sees it, with whom, and their private link when its pending reminders still hold it (it is
 * stored hashed only); else the sheet says how to reach the structure. Nothing is written: the
 * link the person holds keeps working.
 */
export async function showConfirmation({ db, config, scope, input: { id } }: StaffDeps & { input: { id: string } }) {
  const seen = await visibleAppointment(scope, id);
  if (seen.status !== "booked") throw new AppError("CONFLICT", "Ce rendez-vous est annulé : aucune confirmation à imprimer.");
  const sql = db.sql;
  const row = await loadAppointment(sql, id);
  const { manageTokenHash } = await scope.prisma.appointment.findUniqueOrThrow({
    where: { id },
    select: { manageTokenHash: true },
  });
  const token = await linkHeld(sql, config.sessionSecret, { id, manageTokenHash });
  return {
    appointment: publicAppointment(row),
    person: { firstName: row.person.firstName, lastName: row.person.lastName },
    advisor: { firstName: row.advisor.firstName, lastName: row.advisor.lastName },
    manageUrl: token ? `${config.publicUrl}/rdv/${token}` : null,
  };
}
