import { z } from "@hono/zod-openapi";

// What the staff answers say of appointments, shared by the agenda, the desk, referrals and
// the person page: the database's enums, and the pieces every view of a meeting names.

export const AppointmentStatus = z.enum(["booked", "cancelled"]);
export const AppointmentOutcome = z.enum(["honoured", "no_show", "excused"]);
export const Channel = z.enum(["online", "reception", "referral", "advisor"]);

/** An instant as the API gives it: ISO 8601 with the offset of the structure's zone. */
export const ZonedInstant = z.string().openapi({ example: "2026-03-30T09:00:00+02:00" });
/** A calendar date, YYYY-MM-DD. */
export const DateOnly = z.string().openapi({ example: "2026-03-30" });

export const IdName = z.object({ id: z.uuid(), name: z.string() });
export const FullName = z.object({ firstName: z.string(), lastName: z.string() });
/** A staff member (an advisor) or a person, with their id. */
export const NamedPerson = z.object({ id: z.uuid(), firstName: z.string(), lastName: z.string() });

/** A person's phone as staff read and dial it (« 06 12 34 56 78 », « +32 470 12 34 56 »). */
export const ShownPhone = z.string().nullable().openapi({ example: "06 12 34 56 78" });

/** How the person hears of their appointments (domain/contact.ts). */
export const NotifiedBy = z.enum(["email", "sms", "phone-call", "none"]).openapi({
  description:
    "Comment la personne est prévenue de ses rendez-vous : par courriel (`email`), sinon par SMS sur un mobile (`sms`), " +
    "sinon la structure l'appelle (`phone-call`, « à prévenir par téléphone » : un fixe ne reçoit pas de SMS), " +
    "sinon personne ne peut la prévenir (`none`).",
});

/** How the person hears of a change made now: by e-mail, by SMS, both, or neither (then call them). */
export const Told = z.array(z.enum(["email", "sms"])).openapi({
  description: "Par où la personne est prévenue d'un changement : courriel, SMS, les deux ; vide : il faut l'appeler.",
});
