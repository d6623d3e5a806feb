import { z } from "@hono/zod-openapi";
import { act, whenDone } from "../../auth/http.ts";
import { NEEDS } from "../../domain/routing.ts";
import { requiredText } from "../../http/fields.ts";
import { createRouter } from "../../http/router.ts";
import { createFaqEntry } from "./create-faq-entry.ts";
import { deleteFaqEntry } from "./delete-faq-entry.ts";
import { listFaqEntries } from "./list-faq-entries.ts";
import { change, creation, listing, removal } from "./route.ts";
import { updateFaqEntry } from "./update-faq-entry.ts";

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

const list = listing(
  "/faq",
  "Les questions / réponses, publiées ou non, dans leur ordre (Région)",
  z.object({ entries: z.array(FaqAdminEntry) }),
  "Par position.",
);
const create = creation("/faq", "Ajouter une question / réponse (Région)", FaqInput, "L'entrée");
const update = change("/faq/{id}", "Modifier, déplacer, publier ou retirer une question / réponse (Région)", FaqPatch);
const remove = removal("/faq/{id}", "Supprimer une question / réponse (Région)");

export const faqAdmin = createRouter()
  .openapi(list, async (c) => c.json(await act(c, "directory", listFaqEntries), 200))
  .openapi(create, async (c) => c.json(await act(c, "directory", createFaqEntry, c.req.valid("json")), 201))
  .openapi(update, (c) => whenDone(c, act(c, "directory", updateFaqEntry, { ...c.req.valid("json"), ...c.req.valid("param") })))
  .openapi(remove, (c) => whenDone(c, act(c, "directory", deleteFaqEntry, c.req.valid("param"))));
