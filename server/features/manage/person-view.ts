import { smsNumber } from "../../domain/contact.ts";
import { phoneForPeople } from "../../domain/phone.ts";
import type { AppointmentRow } from "../appointments/details.ts";

/**
 * The person of a private link as the page shows them: whoever holds the link is the person,
 * and sees their own contact in full, the number written the French way.
 */
export function personView(person: AppointmentRow["person"]) {
  const smsTo = smsNumber(person);
  return {
    firstName: person.firstName,
    lastName: person.lastName,
    hasEmail: Boolean(person.email),
    email: person.email,
    phone: person.phone && phoneForPeople(person.phone),
    smsReminders: person.smsReminders,
    smsTo: smsTo && phoneForPeople(smsTo),
  };
}
