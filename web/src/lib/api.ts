import { query } from "@solidjs/router";
import { hc, type InferResponseType } from "hono/client";
// Type-only: the client is checked against the server's routes, and no server code is bundled.
import type { AppType } from "../../../server/app.ts";

/** The API, typed from the server: a renamed field breaks the build, not production. */
export const api = hc<AppType>("/api");

export type Service = InferResponseType<typeof api.services.$get, 200>["services"][number];

/** A failed API call, carrying the server's French message when it sent one. */
export class ApiError extends Error {
  override name = "ApiError";

  constructor(
    readonly status: number,
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

const UNAVAILABLE = "Le service est momentanément indisponible. Réessayez dans quelques instants.";

/** Every error body of the API has the form `{ error: { code, message } }`. */
async function toApiError(response: { status: number; json(): Promise<unknown> }): Promise<ApiError> {
  const body = (await response.json().catch(() => undefined)) as { error?: { code?: unknown; message?: unknown } } | undefined;
  const message = typeof body?.error?.message === "string" ? body.error.message : UNAVAILABLE;
  const code = typeof body?.error?.code === "string" ? body.error.code : undefined;
  return new ApiError(response.status, message, code);
}

export const getServices = query(async (): Promise<Service[]> => {
  const response = await api.services.$get();
  if (!response.ok) throw await toApiError(response);
  return (await response.json()).services;
}, "services");

/** A message fit for the public: the API's own French message, or a generic one. */
export function describeError(error: unknown): string {
  return error instanceof ApiError ? error.message : UNAVAILABLE;
}
