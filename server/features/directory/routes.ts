import { createRoute, z } from "@hono/zod-openapi";
import { NEEDS } from "../../domain/routing.ts";
import { communeCode } from "../../http/fields.ts";
import { createRouter, errorResponse } from "../../http/router.ts";
import { PublicSite, ServiceSlug } from "../structures/schemas.ts";
import { directoryFilters } from "./directory-filters.ts";
import { listFaq } from "./list-faq.ts";
import { directoryStructure, searchDirectory } from "./search-directory.ts";

// « Où s'adresser ? » and « Questions / Réponses »: public, no session.

const Slug = (what: string) =>
  z.string().regex(/^[a-z0-9-]{1,80}$/, `identifiant ${what} attendu : minuscules, chiffres et tirets, par exemple cio`);

const Named = z.object({ slug: z.string(), name: z.string() });

const DirectorySite = PublicSite.extend({
  openingHours: z.array(z.string()).openapi({
    description:
      "La semaine des conseillers qui reçoivent sur place, par exemple « Du lundi au vendredi, 9 h – 12 h ». Vide si aucune plage.",
  }),
});

const DirectoryService = z.object({
  slug: z.string(),
  name: z.string(),
  bookableOnline: z.boolean(),
  nextSlot: z
    .string()
    .nullable()
    .openapi({ description: "Début du premier créneau libre dans les six mois (ISO 8601), ou null." }),
  bookingPath: z.string().nullable().openapi({
    example: "/rendez-vous?service=information-conseil-vae&commune=59350&structure=…",
    description: "La page de prise de rendez-vous ; null si le service ne se réserve pas en ligne.",
  }),
});

export const DirectoryStructure = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    path: z.string().openapi({ example: "/structures/cio-lille-centre", description: "Sa page, à l'adresse stable." }),
    name: z.string(),
    description: z.string(),
    sproRoles: z.array(z.enum(["spo", "cep", "pic_vae"])),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    website: z.string().nullable(),
    network: Named,
    sites: z.array(DirectorySite),
    remoteHours: z.array(z.string()).openapi({ description: "Les plages des rendez-vous à distance (téléphone, visio)." }),
    services: z.array(DirectoryService),
    nextAvailability: z.object({ start: z.string(), service: Named }).nullable(),
  })
  .openapi("DirectoryStructure");

const SearchQuery = z.object({
  commune: communeCode.optional().openapi({ description: "Code INSEE : les structures qui desservent cette commune." }),
  network: Slug("de réseau").optional().openapi({ description: "Un réseau du SPRO, par exemple cio." }),
  service: ServiceSlug.optional().openapi({ description: "Les structures qui offrent ce service." }),
  territory: Slug("de territoire").optional().openapi({ description: "Un territoire de coordination." }),
  q: z.string().trim().max(100, "100 caractères au plus.").optional().openapi({ description: "Un mot du nom de la structure." }),
  page: z
    .string()
    .regex(/^[1-9]\d{0,3}$/, "numéro de page attendu, à partir de 1")
    .optional()
    .transform((v) => (v === undefined ? undefined : Number(v))),
});

const search = createRoute({
  method: "get",
  path: "/",
  summary:
    "Où s'adresser ? Les structures du SPRO qui répondent à tous les filtres, 20 par page ; une commune, un réseau, un service ou un territoire inconnu est une erreur 422 qui le nomme",
  request: { query: SearchQuery },
  responses: {
    200: {
      description:
        "Une page de structures, la plus proche de la commune d'abord (par ordre alphabétique sans commune), avec leur prochaine disponibilité.",
      content: {
        "application/json": {
          schema: z.object({
            structures: z.array(DirectoryStructure),
            total: z.int(),
            page: z.int(),
            pages: z.int(),
            pageSize: z.int(),
          }),
        },
      },
    },
    422: errorResponse("Un filtre est invalide ou inconnu ; `fields` le nomme."),
  },
});

const filters = createRoute({
  method: "get",
  path: "/filters",
  summary: "Les réseaux du SPRO, les territoires et les services, pour le formulaire de recherche",
  responses: {
    200: {
      description: "Par ordre alphabétique (les services dans leur ordre d'affichage).",
      content: {
        "application/json": {
          schema: z.object({ networks: z.array(Named), territories: z.array(Named), services: z.array(Named) }),
        },
      },
    },
  },
});

const bySlug = createRoute({
  method: "get",
  path: "/{slug}",
  summary: "Une structure du SPRO par son identifiant stable (l'adresse qu'un site partenaire peut citer)",
  request: {
    params: z.object({ slug: Slug("de structure") }),
    query: z.object({
      commune: communeCode.optional().openapi({
        description: "La commune de la personne : si la structure la dessert, les liens de réservation mènent à ses créneaux.",
      }),
    }),
  },
  responses: {
    200: {
      description: "La structure.",
      content: { "application/json": { schema: z.object({ structure: DirectoryStructure }) } },
    },
    404: errorResponse("Aucune structure du SPRO ne porte cet identifiant."),
    422: errorResponse("Un paramètre n'a pas la bonne forme."),
  },
});

export const directory = createRouter()
  .openapi(filters, async (c) => c.json(await directoryFilters({ db: c.var.deps.db }), 200))
  .openapi(search, async (c) => {
    const { db, clock } = c.var.deps;
    return c.json(await searchDirectory({ db, clock, input: c.req.valid("query") }), 200);
  })
  .openapi(bySlug, async (c) => {
    const { db, clock } = c.var.deps;
    const { slug } = c.req.valid("param");
    const { commune } = c.req.valid("query");
    return c.json({ structure: await directoryStructure({ db, clock, slug, commune }) }, 200);
  });

const FaqEntry = z
  .object({
    slug: z.string(),
    question: z.string(),
    answer: z.string().openapi({ description: "Texte simple ; les paragraphes sont séparés par une ligne vide." }),
    need: z
      .enum(NEEDS)
      .nullable()
      .openapi({ description: "Le besoin qui mène au questionnaire « Trouver le bon interlocuteur »." }),
    service: Named.nullable().openapi({ description: "Le service à réserver." }),
  })
  .openapi("FaqEntry");

const faqList = createRoute({
  method: "get",
  path: "/",
  summary: "Questions / Réponses : les entrées publiées, dans l'ordre choisi par la Région",
  responses: {
    200: { description: "Les entrées.", content: { "application/json": { schema: z.object({ entries: z.array(FaqEntry) }) } } },
  },
});

export const faq = createRouter().openapi(faqList, async (c) => c.json({ entries: await listFaq({ db: c.var.deps.db }) }, 200));
