import type { Mode } from "../server/domain/availability.ts";

// What every appointment message needs, as plain data: emails and .ics are pure renders of it.

export interface AppointmentDetails {
  id: string;
  start: Date;
  end: Date;
  /** The structure's zone: times are shown in it. */
  zone: string;
  /** RFC 5545 SEQUENCE of this version of the appointment. */
  sequence: number;
  status: "booked" | "cancelled";
  mode: Mode;
  service: { name: string };
  structure: { name: string; email: string | null; phone: string | null };
  site: { name: string; address: string; postcode: string; commune: string; accessInfo: string } | null;
  person: { firstName: string; lastName: string; email: string | null; phone: string | null };
  /** The mobile number the person's messages also go to by SMS (their choice), if any; E.164. */
  smsTo?: string | null;
  advisor: { firstName: string; lastName: string; email: string };
  /** What to bring, from the offering. */
  instructions: string;
  accessibilityNeeds: string;
  /** The person's private link, when the message goes to them and the link is live. */
  manageUrl: string | null;
  /** Seats of a collective session. */
  seats: number;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

/** The sender domain of Message-IDs and .ics UIDs. */
export const MAIL_DOMAIN = "rdv-orientation.fr";
