import type { AppointmentDetails } from "../../../emails/appointment.ts";
import type { Tx } from "../../db/database.ts";
import type { Prisma } from "../../db/generated/client.ts";
import { notFound } from "../../errors.ts";

const select = {
  id: true,
  startsAt: true,
  endsAt: true,
  status: true,
  mode: true,
  icsSequence: true,
  accessibilityNeeds: true,
  offering: { select: { instructions: true, seats: true, service: { select: { slug: true, name: true } } } },
  structure: { select: { id: true, name: true, email: true, phone: true, timeZone: true } },
  site: {
    select: { id: true, name: true, address: true, postcode: true, accessInfo: true, commune: { select: { name: true } } },
  },
  person: { select: { firstName: true, lastName: true, email: true, phone: true } },
  advisor: { select: { firstName: true, lastName: true, email: true } },
} satisfies Prisma.AppointmentSelect;

export type AppointmentRow = Prisma.AppointmentGetPayload<{ select: typeof select }>;

export async function loadAppointment(tx: Tx, id: string): Promise<AppointmentRow> {
  const row = await tx.appointment.findUnique({ where: { id }, select });
  if (!row) throw notFound("Rendez-vous");
  return row;
}

/** What messages and the .ics say about the appointment. */
export function toDetails(row: AppointmentRow, manageUrl: string | null): AppointmentDetails {
  return {
    id: row.id,
    start: row.startsAt,
    end: row.endsAt,
    zone: row.structure.timeZone,
    sequence: row.icsSequence,
    status: row.status,
    mode: row.mode,
    service: { name: row.offering.service.name },
    structure: { name: row.structure.name, email: row.structure.email, phone: row.structure.phone },
    site: row.site && { ...row.site, commune: row.site.commune.name },
    person: row.person,
    advisor: row.advisor,
    instructions: row.offering.instructions,
    accessibilityNeeds: row.accessibilityNeeds,
    manageUrl,
    seats: row.offering.seats,
  };
}
