import { toZonedIso } from "../../domain/time.ts";
import type { AppointmentRow } from "./details.ts";

/** The appointment as the API shows it to the person and to scripts. */
export function publicAppointment(row: AppointmentRow) {
  const zone = row.structure.timeZone;
  return {
    id: row.id,
    start: toZonedIso(row.startsAt, zone),
    end: toZonedIso(row.endsAt, zone),
    status: row.status,
    mode: row.mode,
    service: row.offering.service,
    structure: { id: row.structure.id, name: row.structure.name, phone: row.structure.phone, email: row.structure.email },
    site: row.site && {
      id: row.site.id,
      name: row.site.name,
      address: row.site.address,
      postcode: row.site.postcode,
      commune: row.site.commune.name,
      accessInfo: row.site.accessInfo,
    },
    collective: row.offering.seats > 1,
    accessibilityAids: row.accessibilityAids,
    accessibilityNeeds: row.accessibilityNeeds,
    instructions: row.offering.instructions,
  };
}
