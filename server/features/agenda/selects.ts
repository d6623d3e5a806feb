import { notifiedBy, toldOf } from "../../domain/contact.ts";
import { phoneForPeople } from "../../domain/phone.ts";

// What the agenda and the desk read of appointments and people: one list each, so that the
// agenda, an appointment's page and the desk's search show the same.

/** An appointment as the agenda lists it: when, and how it stands. */
export const meetingFields = { id: true, startsAt: true, endsAt: true, status: true, outcome: true } as const;

/** Who a person is and how to reach them, as staff see them on an appointment or at the desk. */
export const contactFields = {
  id: true,
  firstName: true,
  lastName: true,
  email: true,
  phone: true,
  smsReminders: true,
  birthYear: true,
} as const;

/** A person's contacts as staff read them: the phone the French way, and how the person hears of their meetings. */
export function contactForStaff<P extends { email: string | null; phone: string | null; smsReminders: boolean }>(person: P) {
  const { smsReminders: _, ...shown } = person;
  return {
    ...shown,
    phone: person.phone && phoneForPeople(person.phone),
    notifiedBy: notifiedBy(person),
    told: toldOf(person).by,
  };
}
