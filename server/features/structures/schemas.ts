import { z } from "@hono/zod-openapi";

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
