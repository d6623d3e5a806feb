import { createRoute, z } from "@hono/zod-openapi";
import { notFound } from "../../errors.ts";
import { communeCode } from "../../http/fields.ts";
import { createRouter, errorResponse } from "../../http/router.ts";
import { getCommune, searchCommunes } from "./search-communes.ts";

const CommuneSchema = z
  .object({
    code: z.string().openapi({ example: "59350", description: "Code INSEE" }),
    name: z.string().openapi({ example: "Lille" }),
    postcodes: z.array(z.string()).openapi({ example: ["59000", "59800"] }),
    departmentCode: z.string().openapi({ example: "59" }),
  })
  .openapi("Commune");

const route = createRoute({
  method: "get",
  path: "/",
  summary: "Rechercher une commune de la région par son nom ou son code postal",
  request: {
    query: z.object({
      q: z
        .string()
        .trim()
        .min(1, "saisissez au moins une lettre ou un chiffre")
        .max(80, "80 caractères au plus")
        .openapi({ example: "lil" }),
      limit: z.coerce.number().int().min(1).max(50).default(10),
    }),
  },
  responses: {
    200: {
      description: "Les communes qui correspondent, les plus probables d'abord.",
      content: {
        "application/json": {
          schema: z.object({
            communes: z.array(CommuneSchema),
            match: CommuneSchema.nullable().openapi({
              description:
                "La commune que le texte désigne à lui seul : la seule à porter exactement ce nom (à la casse, aux accents, espaces, traits d'union et apostrophes près) ou la seule trouvée ; null sinon.",
            }),
          }),
        },
      },
    },
  },
});

const byCode = createRoute({
  method: "get",
  path: "/{code}",
  summary: "Une commune de la région, par son code INSEE",
  request: { params: z.object({ code: communeCode }) },
  responses: {
    200: { description: "La commune.", content: { "application/json": { schema: z.object({ commune: CommuneSchema }) } } },
    404: errorResponse("Aucune commune de la région n'a ce code."),
    422: errorResponse("Le code n'est pas un code INSEE."),
  },
});

export const communes = createRouter()
  .openapi(route, async (c) => c.json(await searchCommunes({ db: c.var.deps.db, input: c.req.valid("query") }), 200))
  .openapi(byCode, async (c) => {
    const commune = await getCommune({ db: c.var.deps.db, code: c.req.valid("param").code });
    if (!commune) throw notFound("Commune");
    return c.json({ commune }, 200);
  });
