import { z } from "@hono/zod-openapi";
import { accessibilityAids, communeCode, emailAddress, personName, phoneNumber } from "../../http/fields.ts";

/** Who the meeting is for: at the desk, someone may come with neither e-mail nor phone. */
export const PersonFields = z.object({
  firstName: personName("Le prénom").openapi({ example: "Léa" }),
  lastName: personName("Le nom").openapi({ example: "Durand" }),
  email: emailAddress.optional().openapi({ example: "lea.durand@example.org" }),
  phone: phoneNumber.optional().openapi({ example: "06 12 34 56 78" }),
  smsReminders: z
    .boolean("vrai ou faux attendu.")
    .optional()
    .openapi({ description: "« Recevoir les rappels par SMS », pour un numéro de mobile ; oui par défaut." }),
  commune: communeCode.optional().openapi({ example: "59350", description: "Code INSEE de la commune de résidence." }),
});

export const PersonInput = PersonFields.strict().refine((p) => p.email || p.phone, {
  message: "Donnez une adresse électronique ou un numéro de téléphone.",
  path: ["email"],
});

export const CreateBookingInput = z
  .object({
    slotKey: z.string("le créneau choisi est obligatoire").min(1, "le créneau choisi est obligatoire").max(200),
    person: PersonInput,
    accessibilityAids: accessibilityAids.optional(),
    accessibilityNeeds: z.string().trim().max(500, "500 caractères au plus.").optional(),
    noticeAccepted: z.literal(true, "Vous devez prendre connaissance de l'information sur vos données personnelles."),
  })
  .strict()
  .openapi("CreateBookingInput");
export type CreateBookingInput = z.infer<typeof CreateBookingInput>;

export const IdempotencyHeader = z.object({
  "idempotency-key": z
    .string("en-tête Idempotency-Key obligatoire : une valeur unique par demande, par exemple un UUID")
    .min(8, "8 caractères au moins")
    .max(200, "200 caractères au plus")
    .openapi({
      description: "Une valeur unique par demande : une nouvelle tentative avec la même valeur ne réserve pas deux fois.",
    }),
});

export const AppointmentSchema = z
  .object({
    id: z.uuid(),
    start: z.string().openapi({ example: "2026-03-30T09:00:00+02:00" }),
    end: z.string().openapi({ example: "2026-03-30T09:45:00+02:00" }),
    status: z.enum(["booked", "cancelled"]),
    mode: z.enum(["onsite", "phone", "video"]),
    service: z.object({ slug: z.string(), name: z.string() }),
    structure: z.object({ id: z.uuid(), name: z.string(), phone: z.string().nullable(), email: z.string().nullable() }),
    site: z
      .object({
        id: z.uuid(),
        name: z.string(),
        address: z.string(),
        postcode: z.string(),
        commune: z.string(),
        accessInfo: z.string(),
      })
      .nullable(),
    collective: z.boolean(),
    accessibilityAids,
    accessibilityNeeds: z.string(),
    instructions: z.string().openapi({
      description: "« À prévoir » : ce qu'il faut apporter au rendez-vous ; vide si rien.",
      example: "Munissez-vous de votre CV.",
    }),
  })
  .openapi("Appointment");

/** A booking's answer: the appointment, and the private link to move or cancel it (shown once). */
export const BookingAnswer = z.object({ appointment: AppointmentSchema, manageUrl: z.url() });
