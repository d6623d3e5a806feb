import { z } from "@hono/zod-openapi";
import { emailAddress, phoneNumber } from "../../http/fields.ts";
import { PersonFields } from "../bookings/schemas.ts";

/** The person of a private link, as the link's holder — the person themself — sees them. */
export const ManagedPerson = z
  .object({
    firstName: z.string(),
    lastName: z.string(),
    hasEmail: z.boolean().openapi({ description: "Une adresse électronique a été donnée (les courriels y sont envoyés)." }),
    email: z.string().nullable(),
    phone: z.string().nullable().openapi({ description: "Le numéro écrit à la française.", example: "06 12 34 56 78" }),
    smsReminders: z.boolean().openapi({ description: "Le choix « Recevoir les rappels par SMS »." }),
    smsTo: z.string().nullable().openapi({
      description:
        "Le numéro où partent aussi les messages par SMS (un mobile, et le choix de les recevoir), écrit à la française ; null sinon.",
      example: "06 12 34 56 78",
    }),
  })
  .openapi("ManagedPerson");

/** A field the person may change through their private link: what the audit event names. */
export const CONTACT_FIELDS = ["email", "phone", "smsReminders"] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

/** The person's new contact: each field given replaces the one kept; null removes it. */
export const ContactChange = z
  .object({
    email: emailAddress.nullable().optional().openapi({ example: "lea.durand@example.org" }),
    phone: phoneNumber.nullable().optional().openapi({ example: "06 12 34 56 78" }),
    smsReminders: PersonFields.shape.smsReminders,
  })
  .strict()
  .refine((body) => CONTACT_FIELDS.some((field) => body[field] !== undefined), {
    message: "Indiquez l'adresse électronique, le numéro de téléphone ou le choix des rappels par SMS.",
    path: ["email"],
  })
  .openapi("ContactChange");
export type ContactChange = z.infer<typeof ContactChange>;

export const ContactAnswer = z.object({
  person: ManagedPerson,
  changed: z
    .array(z.enum(CONTACT_FIELDS))
    .openapi({ description: "Les champs qui ont changé ; aucun si tout était déjà ainsi." }),
});
