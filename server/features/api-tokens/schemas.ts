import { z } from "@hono/zod-openapi";
import { API_PERMISSIONS } from "../../domain/api-permissions.ts";
import { eachOnce, localDate, placeName } from "../../http/fields.ts";

export const ApiPermission = z.enum(API_PERMISSIONS, `permission inconnue ; valeurs possibles : ${API_PERMISSIONS.join(", ")}.`);

export const ApiTokenInput = z
  .object({
    name: placeName("Le nom du jeton", 80).openapi({ example: "Logiciel de suivi" }),
    permissions: z
      .array(ApiPermission, "liste de permissions attendue.")
      .min(1, "cochez au moins une permission.")
      .refine(eachOnce, "chaque permission ne doit figurer qu'une fois."),
    expiresOn: localDate
      .optional()
      .openapi({ description: "Dernier jour de validité (heure de Paris), deux ans au plus ; par défaut, dans un an." }),
  })
  .strict();

export const ApiTokenRow = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string().openapi({ description: "Ses premiers caractères, pour le reconnaître (« rdv_AbC1dEf2 »)." }),
  permissions: z.array(ApiPermission),
  createdBy: z.object({ firstName: z.string(), lastName: z.string() }),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable().openapi({ description: "Sa dernière utilisation, à la minute près." }),
  revokedAt: z.string().nullable(),
  expired: z.boolean().openapi({ description: "Son dernier jour est passé : il ne fonctionne plus." }),
});

export const CreatedApiToken = z.object({
  id: z.uuid(),
  token: z.string().openapi({ description: "Le jeton, montré cette seule fois : seule son empreinte est gardée." }),
  prefix: z.string(),
  expiresAt: z.string(),
});
