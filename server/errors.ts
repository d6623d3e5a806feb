import type { ContentfulStatusCode } from "hono/utils/http-status";
import { fieldLabel } from "./http/field-labels.ts";

/** Every failure the API reports, with its HTTP status. */
export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  SLOT_TAKEN: 409,
  GONE: 410,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  VALIDATION: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** A failure the domain knows how to explain; `message` is French and shown to people. */
export class AppError extends Error {
  override name = "AppError";
  /** Extra fields of the error body, e.g. `fields` or `alternatives`; `fields` comes with its `labels`. */
  readonly details: Record<string, unknown>;
  constructor(
    readonly code: ErrorCode,
    message: string,
    details: Record<string, unknown> = {},
  ) {
    super(message);
    // A 409 or a 403 that names a field names it in French too, as a 422 does.
    const fields = details.fields as Record<string, string> | undefined;
    this.details =
      fields && !details.labels
        ? { ...details, labels: Object.fromEntries(Object.keys(fields).map((path) => [path, fieldLabel(path)])) }
        : details;
  }

  get status(): ContentfulStatusCode {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what: string) => new AppError("NOT_FOUND", `${what} introuvable.`);

/**
 * A 422 naming each invalid field: `fields` maps a path such as `person.email` to its message,
 * `labels` the same path to the field's French name (« adresse électronique »), which the
 * message uses too: a form shows each error on its field, and names those it does not show.
 */
export function validationError(fields: Record<string, string>): AppError {
  const paths = Object.keys(fields);
  const labels = [...new Set(paths.map(fieldLabel))];
  const message =
    paths.length === 1
      ? `Le champ « ${labels[0]} » est invalide : ${fields[paths[0] as string]}`
      : `Plusieurs champs sont invalides : ${labels.map((label) => `« ${label} »`).join(", ")}.`;
  return new AppError("VALIDATION", message, { fields });
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; requestId?: string; [extra: string]: unknown };
}
