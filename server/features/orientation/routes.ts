import { createRoute, z } from "@hono/zod-openapi";
import { createRouter, errorResponse } from "../../http/router.ts";
import { Closeness } from "../structures/schemas.ts";
import { recommendStructures } from "./recommend-structures.ts";
import { OrientationQuery } from "./schemas.ts";

const Named = z.object({ slug: z.string(), name: z.string() });

const RecommendedSite = z.object({
  name: z.string(),
  address: z.string(),
  postcode: z.string(),
  commune: z.object({ code: z.string(), name: z.string() }),
});

export const RecommendationSchema = z
  .object({
    network: Named,
    service: Named.nullable(),
    reason: z.string().openapi({ description: "Pourquoi, en français simple." }),
    structures: z
      .array(
        z.object({
          id: z.uuid(),
          slug: z.string(),
          name: z.string(),
          sites: z.array(RecommendedSite),
          closeness: Closeness.nullable(),
          nextSlot: z.string().nullable().openapi({ description: "Début du prochain créneau libre (ISO 8601), ou null." }),
          bookingHref: z.string().openapi({ example: "/rendez-vous?service=information-conseil-vae&commune=59350&structure=…" }),
        }),
      )
      .openapi({
        description: "Au plus trois, la plus proche d'abord ; vide quand aucune structure du réseau ne dessert la commune.",
      }),
    nearby: z
      .array(
        z.object({
          id: z.uuid(),
          slug: z.string(),
          name: z.string(),
          phone: z.string().nullable(),
          sites: z.array(RecommendedSite),
          closeness: Closeness.nullable(),
        }),
      )
      .openapi({
        description:
          "Quand aucune structure du réseau ne dessert la commune : les trois plus proches qui offrent le service hors de son secteur, à appeler.",
      }),
  })
  .openapi("Recommendation");

const route = createRoute({
  method: "get",
  path: "/",
  summary: "« Trouver le bon interlocuteur » : les réseaux et structures qui conviennent à un profil",
  description: "Rien n'est enregistré : les réponses ne quittent pas la requête.",
  request: { query: OrientationQuery },
  responses: {
    200: {
      description: "Les recommandations, la plus adaptée d'abord.",
      content: { "application/json": { schema: z.object({ recommendations: z.array(RecommendationSchema) }) } },
    },
    422: errorResponse("Une réponse manque ou est invalide ; `fields` la nomme."),
  },
});

export const orientation = createRouter().openapi(route, async (c) => {
  const { db, clock } = c.var.deps;
  const recommendations = await recommendStructures({ db, clock, input: c.req.valid("query") });
  // The answers are in the address: no shared cache keeps them.
  c.header("Cache-Control", "no-store");
  return c.json({ recommendations }, 200);
});
