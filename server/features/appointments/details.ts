import type { AppointmentDetails } from "../../../emails/appointment.ts";
import { type SqlSession, statement } from "../../db/database.ts";
import type { AppointmentStatus } from "../../db/generated/client.ts";
import { type AccessibilityAid, accessibilityWords } from "../../domain/accessibility.ts";
import type { Mode } from "../../domain/availability.ts";
import { smsNumber } from "../../domain/contact.ts";
import { notFound } from "../../errors.ts";

export interface AppointmentRow {
  id: string;
  startsAt: Date;
  endsAt: Date;
  status: AppointmentStatus;
  mode: Mode;
  icsSequence: number;
  accessibilityAids: AccessibilityAid[];
  accessibilityNeeds: string;
  offering: { instructions: string; seats: number; service: { slug: string; name: string } };
  structure: { id: string; name: string; email: string | null; phone: string | null; timeZone: string };
  site: {
    id: string;
    name: string;
    address: string;
    postcode: string;
    accessInfo: string;
    commune: { name: string };
  } | null;
  person: { firstName: string; lastName: string; email: string | null; phone: string | null; smsReminders: boolean };
  advisor: { id: string; firstName: string; lastName: string; email: string };
}

/**
 * The appointment as messages tell it, from `source` as `a`: the table, or the row a statement
 * has just inserted (the booking reads it back in the same statement).
 */
export const detailsOf = (source: string) => `
  SELECT a.id, date_part('epoch', a."startsAt") * 1000 AS "startMs", date_part('epoch', a."endsAt") * 1000 AS "endMs",
         a.status::text AS status, a.mode::text AS mode, a."icsSequence",
         a."accessibilityAids"::text[] AS "accessibilityAids", a."accessibilityNeeds",
         json_build_object('instructions', o.instructions, 'seats', o.seats,
                           'service', json_build_object('slug', sv.slug, 'name', sv.name)) AS offering,
         json_build_object('id', st.id, 'name', st.name, 'email', st.email, 'phone', st.phone,
                           'timeZone', st."timeZone") AS structure,
         CASE WHEN si.id IS NULL THEN NULL ELSE
           json_build_object('id', si.id, 'name', si.name, 'address', si.address, 'postcode', si.postcode,
                             'accessInfo', si."accessInfo", 'commune', json_build_object('name', c.name)) END AS site,
         json_build_object('firstName', p."firstName", 'lastName', p."lastName", 'email', p.email,
                           'phone', p.phone, 'smsReminders', p."smsReminders") AS person,
         json_build_object('id', u.id, 'firstName', u."firstName", 'lastName', u."lastName", 'email', u.email) AS advisor
    FROM ${source} a
    JOIN "Offering" o ON o.id = a."offeringId"
    JOIN "Service" sv ON sv.id = o."serviceId"
    JOIN "Structure" st ON st.id = a."structureId"
    LEFT JOIN "Site" si ON si.id = a."siteId"
    LEFT JOIN "Commune" c ON c.code = si."communeCode"
    JOIN "Person" p ON p.id = a."personId"
    JOIN "StaffUser" u ON u.id = a."advisorId"`;

// One statement: it runs in every move and cancellation.
export const APPOINTMENT = statement("appointment-details", `${detailsOf(`"Appointment"`)} WHERE a.id = $1::uuid`);

/** A row of `detailsOf` as the code reads it. */
export type DetailsRow = Omit<AppointmentRow, "startsAt" | "endsAt"> & { startMs: number; endMs: number };
export const appointmentRow = ({ startMs, endMs, ...rest }: DetailsRow): AppointmentRow => ({
  ...rest,
  startsAt: new Date(startMs),
  endsAt: new Date(endMs),
});

export async function loadAppointment(sql: SqlSession, id: string): Promise<AppointmentRow> {
  const [row] = await sql.query<DetailsRow>(APPOINTMENT, [id]);
  if (!row) throw notFound("Rendez-vous");
  return appointmentRow(row);
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
    person: { firstName: row.person.firstName, lastName: row.person.lastName, email: row.person.email, phone: row.person.phone },
    smsTo: smsNumber(row.person),
    advisor: { firstName: row.advisor.firstName, lastName: row.advisor.lastName, email: row.advisor.email },
    instructions: row.offering.instructions,
    // The e-mails' line of needs: the ticked arrangements, then the person's own words.
    accessibilityNeeds: accessibilityWords(row.accessibilityAids, row.accessibilityNeeds),
    manageUrl,
    seats: row.offering.seats,
  };
}
