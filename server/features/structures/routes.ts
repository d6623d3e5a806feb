import { createRoute, z } from "@hono/zod-openapi";
import { notFound } from "../../errors.ts";
import { communeCode } from "../../http/fields.ts";
import { createRouter, errorResponse } from "../../http/router.ts";
import { listStructures } from "./list-structures.ts";
import { Closeness, PublicSite, ServiceSlug } from "./schemas.ts";

const SiteSchema = PublicSite.openapi("Site");

export const StructureSchema = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    name: z.string().openapi({ example: "CIO de Lille Centre" }),
    network: z.object({ slug: z.string(), name: z.string() }),
    timeZone: z.string().openapi({ example: "Europe/Paris" }),
    sproRoles: z.array(z.enum(["spo", "cep", "pic_vae"])),
    description: z.string(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    website: z.string().nullable(),
    sites: z.array(SiteSchema),
    services: z.array(z.string()).openapi({ description: "Les services offerts (slugs)." }),
    servesCommune: z.boolean().openapi({
      description:
        "Si la commune demandée fait partie de son secteur (true sans commune). Une structure ne reçoit en ligne que les habitants de son secteur ; hors secteur, on l'appelle.",
    }),
    closeness: Closeness.nullable().openapi({ description: "Sa proximité avec la commune demandée (null sans commune)." }),
    instructions: z.string().nullable().openapi({
      description:
        "« À prévoir » (ce qu'il faut apporter) pour un rendez-vous du service demandé (`service`) ; vide si rien, null sans `service`.",
      example: "Munissez-vous de votre CV.",
    }),
    waitlist: z.boolean().openapi({
      description:
        "Si l'on peut s'inscrire en ligne sur sa liste d'attente pour le service demandé (`service`) : réservable en ligne, rendez-vous individuel ; faux sans `service`.",
    }),
  })
  .openapi("Structure");

const ListStructuresQuery = z.object({
  commune: communeCode.optional().openapi({ description: "Code INSEE : les structures qui desservent cette commune." }),
  service: ServiceSlug.optional().openapi({ description: "Les structures qui offrent ce service." }),
});

const route = createRoute({
  method: "get",
  path: "/",
  summary: "Les structures du SPRO, filtrées par commune desservie et par service",
  request: { query: ListStructuresQuery },
  responses: {
    200: {
      description:
        "Les structures qui desservent la commune, la plus proche d'abord (sans commune, par ordre alphabétique) ; `nearby` : quand aucune n'offre le service demandé, les plus proches qui l'offrent hors de son secteur (trois au plus).",
      content: {
        "application/json": {
          schema: z.object({ structures: z.array(StructureSchema), nearby: z.array(StructureSchema) }),
        },
      },
    },
    422: errorResponse("Un paramètre est invalide ; `fields` le nomme."),
  },
});

const byId = createRoute({
  method: "get",
  path: "/{id}",
  summary: "Une structure du SPRO, avec ses lieux et ses services",
  request: { params: z.object({ id: z.uuid("identifiant de structure attendu") }) },
  responses: {
    200: { description: "La structure.", content: { "application/json": { schema: z.object({ structure: StructureSchema }) } } },
    404: errorResponse("Aucune structure ouverte ne porte cet identifiant."),
    422: errorResponse("L'identifiant n'a pas la bonne forme."),
  },
});

export const structures = createRouter()
  .openapi(route, async (c) => c.json(await listStructures({ db: c.var.deps.db, input: c.req.valid("query") }), 200))
  .openapi(byId, async (c) => {
    const {
      structures: [structure],
    } = await listStructures({ db: c.var.deps.db, input: { id: c.req.valid("param").id } });
    if (!structure) throw notFound("Structure");
    return c.json({ structure }, 200);
  });
