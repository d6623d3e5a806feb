import { OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../context.ts";
import { validationError } from "../errors.ts";

z.config(z.locales.fr());

type Issue = z.core.$ZodIssue;

/** How far an input is from a branch's shape: keys it lacks or has too many. */
const misfit = (issues: readonly Issue[]) =>
  issues.filter(
    (issue) =>
      issue.code === "unrecognized_keys" || (issue.code === "invalid_type" && (issue as { input?: unknown }).input === undefined),
  ).length;

/**
 * A union's failure said as the failures of the branch the input was meant for — the one whose
 * shape it is nearest (a new person's fields, not a known person's id) — so that each of its
 * fields is named, rather than the whole « person » refused at once.
 */
function expanded(issue: Issue): Issue[] {
  if (issue.code !== "invalid_union" || issue.errors.length === 0) return [issue];
  const [meant, next] = [...issue.errors].sort((a, b) => misfit(a) - misfit(b));
  // Two branches as near: which one was meant cannot be told; the union is refused whole.
  if (!meant || (next && misfit(next) === misfit(meant))) return [issue];
  return meant.flatMap((inner) => expanded({ ...inner, path: [...issue.path, ...inner.path] } as Issue));
}

/** Zod's issues as `{ "person.email": "message" }`, in French, one message per field, every field. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues.flatMap((i) => expanded(i as Issue))) {
    const path = issue.path.join(".") || "corps";
    if (fields[path]) continue;
    // zod's own wording for a missing value is cryptic; a message of ours is kept.
    const missing = issue.code === "invalid_type" && (issue as { input?: unknown }).input === undefined;
    fields[path] = missing && issue.message.startsWith("Entrée invalide") ? "Ce champ est obligatoire." : issue.message;
  }
  return fields;
}

/** A sub-application whose request validation answers 422 with the fields named. */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(fieldErrors(result.error));
    },
  });
}

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: "VALIDATION" }),
      message: z.string().openapi({ example: "Le champ « commune » est invalide : code INSEE à 5 caractères attendu." }),
      requestId: z.string().optional(),
      fields: z.record(z.string(), z.string()).optional(),
      /** Each field of `fields` named in French, as a form labels it: "person.email" → « adresse électronique ». */
      labels: z.record(z.string(), z.string()).optional(),
    }),
  })
  .openapi("Error");

export const errorResponse = (description: string) => ({
  description,
  content: { "application/json": { schema: ErrorSchema } },
});
