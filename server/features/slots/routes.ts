import { createRoute, z } from "@hono/zod-openapi";
import { communeCode, localDate, meetingMode } from "../../http/fields.ts";
import { createRouter, errorResponse } from "../../http/router.ts";
import { ServiceSlug } from "../structures/schemas.ts";
import { SlotSchema } from "./schemas.ts";
import { searchSlots } from "./search-slots.ts";

const SlotsQuery = z.object({
  service: ServiceSlug.openapi({ description: "Le service (motif) recherché." }),
  structure: z.uuid("identifiant de structure attendu").optional().openapi({ description: "Une structure (ou bien `commune`)." }),
  commune: communeCode.optional().openapi({
    description: "Toutes les structures qui desservent cette commune et offrent le service.",
  }),
  site: z.uuid("identifiant de lieu attendu").optional().openapi({ description: "Seulement les créneaux de ce lieu." }),
  from: localDate.optional().openapi({ description: "Premier jour (heure locale). Par défaut : aujourd'hui." }),
  to: localDate.optional().openapi({
    description: "Dernier jour inclus, au plus 31 jours après `from`. Par défaut : `from` + 6 jours.",
  }),
  mode: meetingMode.optional(),
  first: z
    .enum(["true", "false"], "true ou false attendu")
    .optional()
    .transform((v) => v === "true")
    .openapi({
      description: "true : le premier créneau libre de chaque structure dans les six mois (« prochaine disponibilité »).",
    }),
  per: z.enum(["structure", "place"], "structure ou place attendu").optional().openapi({
    description: "Avec first=true : `place` donne le premier créneau de chaque lieu et mode (sur place, téléphone, visio).",
  }),
});

const route = createRoute({
  method: "get",
  path: "/",
  summary: "Les créneaux libres d'un service, dans une structure ou pour une commune",
  request: { query: SlotsQuery },
  responses: {
    200: {
      description: "Les créneaux libres, dans l'ordre chronologique.",
      content: { "application/json": { schema: z.object({ slots: z.array(SlotSchema) }) } },
    },
    422: errorResponse("Un paramètre est invalide ; `fields` le nomme."),
  },
});

export const slots = createRouter().openapi(route, async (c) => {
  const { db, clock } = c.var.deps;
  const { per, ...query } = c.req.valid("query");
  return c.json({ slots: await searchSlots({ db, clock, input: { ...query, perPlace: per === "place" } }) }, 200);
});
