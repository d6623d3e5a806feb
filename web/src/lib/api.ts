import { query } from "@solidjs/router";
import { hc, type InferResponseType } from "hono/client";
// Type-only: the client is checked against the server's routes, and no server code is bundled.
import type { AppType } from "../../../server/app.ts";

/** The API, typed from the server: a renamed field breaks the build, not production. */
export const api = hc<AppType>("/api");

export type Service = InferResponseType<typeof api.services.$get, 200>["services"][number];
export type Commune = InferResponseType<typeof api.communes.$get, 200>["communes"][number];
export type Structure = InferResponseType<typeof api.structures.$get, 200>["structures"][number];
export type Site = Structure["sites"][number];
export type Slot = InferResponseType<typeof api.slots.$get, 200>["slots"][number];
export type Mode = Slot["mode"];

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

/**
 * Communes whose name or postcode starts with `text`, the most likely first. Not a cached
 * query: the commune field asks as the person types, and drops answers it no longer needs.
 */
export async function searchCommunes(text: string, signal?: AbortSignal): Promise<Commune[]> {
  const response = await api.communes.$get({ query: { q: text, limit: "8" } }, signal ? { init: { signal } } : undefined);
  if (!response.ok) throw await toApiError(response);
  return (await response.json()).communes;
}

/**
 * One commune by its INSEE code. The search also matches postcodes ("59350" is Lille's code and
 * Saint-André-lez-Lille's postcode): keep the commune whose code it is.
 */
export const getCommune = query(async (code: string): Promise<Commune | undefined> => {
  const response = await api.communes.$get({ query: { q: code, limit: "50" } });
  if (!response.ok) throw await toApiError(response);
  return (await response.json()).communes.find((commune) => commune.code === code);
}, "commune");

/** The structures that serve a commune and offer a service. */
export const getStructures = query(async (service: string, commune: string): Promise<Structure[]> => {
  const response = await api.structures.$get({ query: { service, commune } });
  if (!response.ok) throw await toApiError(response);
  return (await response.json()).structures;
}, "structures");

/** Where a slot takes place: in a site, or at a distance. */
export interface Place {
  mode: Mode;
  /** For a meeting on site. */
  site?: string | undefined;
}

/**
 * The first free slot within six months: of each structure serving `commune`, or of one
 * structure (in one place when `place` is given).
 */
export const getFirstSlots = query(
  async (search: { service: string; commune?: string; structure?: string; place?: Place }): Promise<Slot[]> => {
    const response = await api.slots.$get({
      query: {
        service: search.service,
        first: "true",
        ...(search.commune && { commune: search.commune }),
        ...(search.structure && { structure: search.structure }),
        ...(search.place && { mode: search.place.mode }),
        ...(search.place?.site && { site: search.place.site }),
      },
    });
    if (!response.ok) throw await toApiError(response);
    return (await response.json()).slots;
  },
  "firstSlots",
);

/** The free slots of a service in one structure and place, from one date to another (inclusive). */
export const getSlots = query(
  async (search: { service: string; structure: string; place: Place; from: string; to: string }): Promise<Slot[]> => {
    const response = await api.slots.$get({
      query: {
        service: search.service,
        structure: search.structure,
        mode: search.place.mode,
        ...(search.place.site && { site: search.place.site }),
        from: search.from,
        to: search.to,
      },
    });
    if (!response.ok) throw await toApiError(response);
    return (await response.json()).slots;
  },
  "slots",
);

/** A message fit for the public: the API's own French message, or a generic one. */
export function describeError(error: unknown): string {
  return error instanceof ApiError ? error.message : UNAVAILABLE;
}
