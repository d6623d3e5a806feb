import { z } from "@hono/zod-openapi";

const name = (what: string) =>
  z
    .string(`${what} est obligatoire.`)
    .trim()
    .min(1, `${what} est obligatoire.`)
    .max(100, `${what} : 100 caractères au plus.`)
    .regex(/^[^<>{}\d]*$/u, `${what} ne peut contenir ni chiffres ni caractères spéciaux.`);

export const PersonInput = z
  .object({
    firstName: name("Le prénom").openapi({ example: "Léa" }),
    lastName: name("Le nom").openapi({ example: "Durand" }),
    email: z
      .email("adresse électronique invalide, par exemple prenom.nom@exemple.fr")
      .max(254)
      .optional()
      .openapi({ example: "lea.durand@example.org" }),
    phone: z
      .string()
      .trim()
      .transform((v) => v.replace(/[\s.-]/g, ""))
      .pipe(z.string().regex(/^(\+33|0)[1-9]\d{8}$|^\+\d{8,15}$/, "numéro de téléphone invalide, par exemple 06 12 34 56 78"))
      .optional()
      .openapi({ example: "0612345678" }),
    commune: z
      .string()
      .regex(/^(\d{5}|2[AB]\d{3})$/, "code INSEE à 5 caractères attendu")
      .optional()
      .openapi({ example: "59350", description: "Code INSEE de la commune de résidence." }),
  })
  .strict()
  .refine((p) => p.email || p.phone, { message: "Donnez une adresse électronique ou un numéro de téléphone.", path: ["email"] });

export const CreateBookingInput = z
  .object({
    slotKey: z.string("le créneau choisi est obligatoire").min(1, "le créneau choisi est obligatoire").max(200),
    person: PersonInput,
    accessibilityNeeds: z.string().trim().max(500, "500 caractères au plus.").optional(),
    noticeAccepted: z.literal(true, "Vous devez prendre connaissance de l'information sur vos données personnelles."),
  })
  .strict()
  .openapi("CreateBookingInput");
export type CreateBookingInput = z.infer<typeof CreateBookingInput>;
