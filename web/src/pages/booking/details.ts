// The person's details (step 3), checked here as the server checks them
// (server/features/bookings/schemas.ts), so that a mistake is said at once, beside its field.
// details.test.ts proves the two agree — but for a phone number of the right shape that no
// numbering plan has, which only the server knows (lib/phone.ts). Pure functions, no component.

import type { AccessibilityAid } from "../../../../server/domain/accessibility.ts";
import type { BookingInput, Commune } from "../../lib/api.ts";
import { isEmailAddress } from "../../lib/email.ts";
import { frenchPhone, isPhoneNumber, mobileShape } from "../../lib/phone.ts";

export interface Details {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  /** « Recevoir les rappels par SMS »: ticked unless unticked, sent when the phone looks like a mobile (`smsOffer`). */
  smsReminders: boolean;
  /** The person's commune: the one of step 1 unless they change it. */
  commune: Commune | undefined;
  /** The arrangements ticked (server/domain/accessibility.ts); `accessibilityNeeds` says the rest. */
  accessibilityAids: AccessibilityAid[];
  accessibilityNeeds: string;
  noticeAccepted: boolean;
}

export type DetailsField = keyof Details;

/** The fields in the order of the form: the error summary lists them in that order. */
export const FIELDS: readonly DetailsField[] = [
  "firstName",
  "lastName",
  "email",
  "phone",
  "smsReminders",
  "commune",
  "accessibilityAids",
  "accessibilityNeeds",
  "noticeAccepted",
];

export type FieldErrors = Partial<Record<DetailsField, string>>;

export const NAME_MAX = 100;
export const EMAIL_MAX = 254;
export const NEEDS_MAX = 500;

// The server's rules, one for one: names without digits nor < > { }; zod's e-mail pattern
// (lib/email.ts); a phone number's shape (lib/phone.ts) — the numbering plans are the server's.
const NAME = /^[^<>{}\d]*$/u;

export const emptyDetails = (commune?: Commune): Details => ({
  firstName: "",
  lastName: "",
  email: "",
  phone: "",
  smsReminders: true,
  commune,
  accessibilityAids: [],
  accessibilityNeeds: "",
  noticeAccepted: false,
});

function nameError(value: string, what: { empty: string; label: string }): string | undefined {
  const name = value.trim();
  if (name === "") return what.empty;
  if (name.length > NAME_MAX) return `${what.label} ne peut pas dépasser ${NAME_MAX} caractères.`;
  if (!NAME.test(name)) return `${what.label} ne peut contenir ni chiffres ni les caractères < > { }.`;
  return undefined;
}

/** What is wrong with each field, in words that say how to put it right; empty when all is well. */
export function checkDetails(details: Details): FieldErrors {
  const errors: FieldErrors = {};
  const firstName = nameError(details.firstName, { empty: "Saisissez votre prénom.", label: "Votre prénom" });
  if (firstName) errors.firstName = firstName;
  const lastName = nameError(details.lastName, { empty: "Saisissez votre nom.", label: "Votre nom" });
  if (lastName) errors.lastName = lastName;

  const email = details.email.trim();
  const phone = details.phone.trim();
  if (email === "" && phone === "") {
    errors.email = "Saisissez une adresse électronique ou un numéro de téléphone, pour que la structure puisse vous joindre.";
  } else {
    const wrong = emailError(email);
    if (wrong) errors.email = wrong;
  }
  const wrongPhone = phoneError(phone);
  if (wrongPhone) errors.phone = wrongPhone;
  if (details.accessibilityNeeds.trim().length > NEEDS_MAX) {
    errors.accessibilityNeeds = `Décrivez vos besoins en ${NEEDS_MAX} caractères au plus.`;
  }
  if (!details.noticeAccepted) {
    errors.noticeAccepted =
      "Cochez la case pour indiquer que vous avez pris connaissance de l'information sur vos données personnelles.";
  }
  return errors;
}

/**
 * What is wrong with the details of a person booking from an invitation, who is asked only a
 * contact of their own (none is required: the referral has one), their needs and the notice.
 */
export function checkInvitedDetails(details: Details): FieldErrors {
  const errors: FieldErrors = {};
  const email = emailError(details.email.trim());
  if (email) errors.email = email;
  const phone = phoneError(details.phone.trim());
  if (phone) errors.phone = phone;
  if (!details.noticeAccepted) {
    errors.noticeAccepted = "Cochez la case pour indiquer que vous avez pris connaissance de l'information sur vos données.";
  }
  return errors;
}

/** What is wrong with a phone number typed; none when it is empty. */
export function phoneError(phone: string): string | undefined {
  if (phone === "" || isPhoneNumber(phone)) return undefined;
  return "Saisissez un numéro de téléphone valide, par exemple 06 12 34 56 78 ou +33 6 12 34 56 78.";
}

/** What is wrong with an e-mail address typed; none when it is empty. */
export function emailError(email: string): string | undefined {
  if (email === "") return undefined;
  if (email.length > EMAIL_MAX) return `L'adresse électronique ne peut pas dépasser ${EMAIL_MAX} caractères.`;
  if (!isEmailAddress(email)) return "Saisissez une adresse électronique valide, par exemple prenom.nom@exemple.fr.";
  return undefined;
}

/**
 * Whether « Recevoir les rappels par SMS » is offered for the phone typed: « mobile » for one of
 * the French plan's mobiles, « maybe » for a foreign number (the server alone knows its plan).
 */
export const smsOffer = (details: Pick<Details, "phone">) => mobileShape(details.phone.trim());

/** The SMS choice as the API takes it: said when it was offered, else left to the server (a landline gets no SMS). */
export const smsInput = (details: Pick<Details, "phone" | "smsReminders">): { smsReminders?: boolean } =>
  smsOffer(details) ? { smsReminders: details.smsReminders } : {};

/** Where the SMS go if the person keeps them, the number written the French way; `maybe` for a foreign one. */
export function smsTo(details: Pick<Details, "phone" | "smsReminders">): { number: string; maybe: boolean } | undefined {
  const offer = smsOffer(details);
  return offer && details.smsReminders ? { number: frenchPhone(details.phone), maybe: offer === "maybe" } : undefined;
}

/** The arrangements and the needs as every booking's body takes them: empty ones left out. */
export function accessibilityInput(details: Pick<Details, "accessibilityAids" | "accessibilityNeeds">) {
  const needs = details.accessibilityNeeds.trim();
  return {
    ...(details.accessibilityAids.length > 0 && { accessibilityAids: details.accessibilityAids }),
    ...(needs && { accessibilityNeeds: needs }),
  };
}

/** The body of POST /api/bookings: trimmed values, empty optional ones left out (the API refuses ""). */
export function bookingInput(details: Details, slotKey: string): BookingInput {
  return { slotKey, person: personInput(details), ...accessibilityInput(details), noticeAccepted: true };
}

/** The person as every public body takes them (a booking, a waiting list): trimmed, empty ones left out. */
export function personInput(details: Details): BookingInput["person"] {
  const email = details.email.trim();
  const phone = details.phone.trim();
  return {
    firstName: details.firstName.trim(),
    lastName: details.lastName.trim(),
    ...(email && { email }),
    ...(phone && { phone }),
    ...smsInput(details),
    ...(details.commune && { commune: details.commune.code }),
  };
}

const PATHS: Record<string, DetailsField> = {
  "person.firstName": "firstName",
  "person.lastName": "lastName",
  "person.email": "email",
  "person.phone": "phone",
  "person.smsReminders": "smsReminders",
  "person.commune": "commune",
  accessibilityAids: "accessibilityAids",
  accessibilityNeeds: "accessibilityNeeds",
  noticeAccepted: "noticeAccepted",
};

/**
 * The server's 422 `fields` ("person.email" → message) on the form's fields; what belongs to no
 * field (the slot, an unknown path) is kept apart, to be said above the form.
 */
export function serverErrors(fields: Record<string, string>): { fields: FieldErrors; other: string[] } {
  const mapped: FieldErrors = {};
  const other: string[] = [];
  for (const [path, message] of Object.entries(fields)) {
    const field = PATHS[path];
    if (field && !mapped[field]) mapped[field] = sentence(message);
    else if (!field) other.push(sentence(message));
  }
  return { fields: mapped, other };
}

/** The server writes some messages in lower case without a full stop ("adresse électronique invalide…"). */
function sentence(message: string): string {
  const text = message.trim();
  const capitalised = text.charAt(0).toLocaleUpperCase("fr-FR") + text.slice(1);
  return /[.!?…]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}
