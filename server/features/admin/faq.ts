import { z } from "@hono/zod-openapi";
import { requireArea } from "../../auth/http.ts";
import { changedFields } from "../../db/audit.ts";
import type { Database } from "../../db/database.ts";
import { unique } from "../../db/errors.ts";
import { NEEDS } from "../../domain/routing.ts";
import { notFound, validationError } from "../../errors.ts";
import { requiredText } from "../../http/fields.ts";
import { createRouter } from "../../http/router.ts";
import { audited, created, done, json, jsonBody } from "../../http/staff-routes.ts";
import { adminRoute } from "./route.ts";
import { IdParam } from "./schemas.ts";

// « Questions / Réponses »: the public page's content, written by the Région alone. Each answer
// leads into the questionnaire (its need) or to booking (its service).

const slug = z
  .string("l'identifiant est obligatoire.")
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "minuscules, chiffres et tirets, par exemple metiers-d-avenir")
  .max(80, "80 caractères au plus.");

const faqFields = {
  position: z.int("nombre entier attendu.").min(0, "0 au moins.").max(10_000, "10 000 au plus."),
  question: requiredText("La question", 300),
  answer: requiredText("La réponse", 5000),
  need: z.enum(NEEDS, "besoin inconnu.").nullable().optional(),
  service: z
    .string()
    .regex(/^[a-z0-9-]{1,80}$/, "identifiant de service attendu, par exemple information-conseil-vae")
    .nullable()
    .optional(),
  published: z.boolean("vrai ou faux attendu.").optional(),
};
export const FaqInput = z.object({ slug, ...faqFields }).strict();
export const FaqPatch = z.object(faqFields).partial().strict();

const FaqAdminEntry = z.object({
  id: z.uuid(),
  slug: z.string(),
  position: z.int(),
  question: z.string(),
  answer: z.string(),
  need: z.enum(NEEDS).nullable(),
  service: z.object({ slug: z.string(), name: z.string() }).nullable(),
  published: z.boolean(),
});

const list = adminRoute({
  method: "get",
  path: "/faq",
  summary: "Les questions / réponses, publiées ou non, dans leur ordre (Région)",
  responses: { 200: json(z.object({ entries: z.array(FaqAdminEntry) }), "Par position.") },
});
const create = adminRoute({
  method: "post",
  path: "/faq",
  summary: "Ajouter une question / réponse (Région)",
  request: { body: jsonBody(FaqInput) },
  responses: created("L'entrée"),
});
const update = adminRoute({
  method: "patch",
  path: "/faq/{id}",
  summary: "Modifier, déplacer, publier ou retirer une question / réponse (Région)",
  request: { params: IdParam, body: jsonBody(FaqPatch) },
  responses: done,
});
const remove = adminRoute({
  method: "delete",
  path: "/faq/{id}",
  summary: "Supprimer une question / réponse (Région)",
  request: { params: IdParam },
  responses: done,
});

/** The service's id for its slug (null clears it); a 422 naming `service` when there is none. */
async function serviceId(db: Database, service: string | null | undefined): Promise<string | null | undefined> {
  if (service === undefined || service === null) return service;
  const found = await db.prisma.service.findUnique({ where: { slug: service }, select: { id: true } });
  if (!found) throw validationError({ service: `aucun service ne s'appelle « ${service} ».` });
  return found.id;
}

const TAKEN = "Cet identifiant est déjà pris par une autre question.";

export const faqAdmin = createRouter()
  .openapi(list, async (c) => {
    const scope = await requireArea(c, "directory");
    scope.requireRegion();
    const entries = await scope.prisma.faqEntry.findMany({
      orderBy: [{ position: "asc" }, { slug: "asc" }],
      select: {
        id: true,
        slug: true,
        position: true,
        question: true,
        answer: true,
        need: true,
        published: true,
        service: { select: { slug: true, name: true } },
      },
    });
    return c.json({ entries }, 200);
  })
  .openapi(create, async (c) => {
    const scope = await requireArea(c, "directory");
    scope.requireRegion();
    const { service, ...input } = c.req.valid("json");
    const data = { ...input, serviceId: await serviceId(c.var.deps.db, service) };
    const entry = await unique(
      () => audited(c, { action: "faq.create", entity: "FaqEntry" }, (tx) => tx.faqEntry.create({ data, select: { id: true } })),
      "slug",
      TAKEN,
    );
    return c.json(entry, 201);
  })
  .openapi(update, async (c) => {
    const scope = await requireArea(c, "directory");
    scope.requireRegion();
    const db = c.var.deps.db;
    const { id } = c.req.valid("param");
    const { service, ...patch } = c.req.valid("json");
    const current = await db.prisma.faqEntry.findUnique({ where: { id }, include: { service: { select: { slug: true } } } });
    if (!current) throw notFound("Question");
    const data = { ...patch, ...(service !== undefined && { serviceId: await serviceId(db, service) }) };
    const details = { fields: changedFields({ ...patch, service }, { ...current, service: current.service?.slug ?? null }) };
    await audited(c, { action: "faq.update", entity: "FaqEntry", details }, (tx) =>
      tx.faqEntry.update({ where: { id }, data, select: { id: true } }),
    );
    return c.json({}, 200);
  })
  .openapi(remove, async (c) => {
    const scope = await requireArea(c, "directory");
    scope.requireRegion();
    const { id } = c.req.valid("param");
    const current = await scope.prisma.faqEntry.findUnique({ where: { id }, select: { id: true } });
    if (!current) throw notFound("Question");
    await audited(c, { action: "faq.delete", entity: "FaqEntry" }, (tx) =>
      tx.faqEntry.delete({ where: { id }, select: { id: true } }),
    );
    return c.json({}, 200);
  });
