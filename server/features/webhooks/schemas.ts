import { z } from "@hono/zod-openapi";
import { WEBHOOK_EVENTS } from "../../domain/webhooks.ts";
import { eachOnce, text } from "../../http/fields.ts";

// The webhooks of a structure, as its admins subscribe them. Strict bodies: a field the route
// does not take is refused with a 422 naming it.

export const WebhookEvent = z.enum(WEBHOOK_EVENTS, "événement inconnu.");

const url = z
  .string("l'adresse est obligatoire.")
  .trim()
  .min(1, "l'adresse est obligatoire.")
  .max(500, "500 caractères au plus.")
  .openapi({ example: "https://si.exemple.fr/webhooks/rdv" });
const events = z
  .array(WebhookEvent, "liste d'événements attendue.")
  .min(1, "choisissez au moins un événement.")
  .refine(eachOnce, "chaque événement ne doit figurer qu'une fois.");

export const EndpointInput = z.object({ url, description: text(200).optional(), events }).strict();
export const EndpointPatch = z
  .object({
    url: url.optional(),
    description: text(200).optional(),
    events: events.optional(),
    enabled: z.boolean("vrai ou faux attendu.").optional().openapi({
      description: "false : plus rien n'est envoyé ; true : de nouveau, les événements en attente partent dans l'ordre.",
    }),
  })
  .strict();

export const Endpoint = z.object({
  id: z.uuid(),
  url: z.string(),
  description: z.string(),
  events: z.array(WebhookEvent),
  createdAt: z.string(),
  disabledAt: z.string().nullable(),
  disabledReason: z.string().nullable(),
  failures: z.int().openapi({ description: "Essais échoués d'affilée depuis la dernière livraison réussie." }),
  previousSecretUntil: z
    .string()
    .nullable()
    .openapi({ description: "Après un changement de secret : l'ancien signe aussi les envois jusqu'à cet instant." }),
});

export const Secret = z.object({
  secret: z
    .string()
    .openapi({ description: "« whsec_… » : montré une seule fois.", example: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" }),
});

export const Delivery = z.object({
  id: z.uuid().openapi({ description: "Le `webhook-id` : le même à chaque essai et à chaque renvoi." }),
  event: WebhookEvent,
  createdAt: z.string(),
  status: z.enum(["pending", "delivered", "failed"]),
  attempts: z.int(),
  dueAt: z.string().nullable().openapi({ description: "Le prochain essai, pour une livraison en attente." }),
  deliveredAt: z.string().nullable(),
  tries: z.array(
    z.object({
      at: z.string(),
      status: z.int().nullable().openapi({ description: "Le code HTTP répondu ; null sans réponse." }),
      error: z.string().nullable(),
      ms: z.int(),
    }),
  ),
});
