import { OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../context.ts";
import { validationError } from "../errors.ts";

z.config(z.locales.fr());

/** Zod's issues as `{ "person.email": "message" }`, in French, one message per field. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
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
    }),
  })
  .openapi("Error");

export const errorResponse = (description: string) => ({
  description,
  content: { "application/json": { schema: ErrorSchema } },
});
