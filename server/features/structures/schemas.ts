import { z } from "@hono/zod-openapi";
import { NEARNESS } from "../../domain/proximity.ts";

// Schemas of the structures shared with other features' routes (slots, directory).

/** A place of a structure as the public sees it; the directory adds its opening hours. */
export const PublicSite = z.object({
  id: z.uuid(),
  name: z.string(),
  address: z.string(),
  postcode: z.string(),
  accessInfo: z.string(),
  phone: z.string().nullable(),
  commune: z.object({ code: z.string(), name: z.string() }),
});

export const ServiceSlug = z
  .string()
  .regex(/^[a-z0-9-]{1,80}$/, "identifiant de service attendu, par exemple information-conseil-vae")
  .openapi({ example: "information-conseil-vae" });

/** How close a structure's nearest site is to the person's commune (domain/proximity.ts). */
export const Closeness = z
  .object({
    nearness: z.enum(NEARNESS).openapi({
      description: "Le plus proche niveau partagé : même commune, intercommunalité (EPCI), arrondissement, département, région.",
    }),
    distanceKm: z
      .number()
      .nullable()
      .openapi({ example: 12.4, description: "Distance à vol d'oiseau en km (une décimale) ; null si une position manque." }),
  })
  .openapi("Closeness");
