import { action, json, query } from "@solidjs/router";
import { hc, type InferRequestType, type InferResponseType } from "hono/client";
// Type-only: the client is checked against the server's routes, and no server code is bundled.
import type { AppType } from "../../../server/app.ts";

/** The API, typed from the server: a renamed field breaks the build, not production. */
export const api = hc<AppType>("/api");

export type Service = InferResponseType<typeof api.services.$get, 200>["services"][number];
export type Commune = InferResponseType<typeof api.communes.$get, 200>["communes"][number];
/** The structures serving a commune, and the nearest elsewhere when none offers the service. */
export type StructureList = InferResponseType<typeof api.structures.$get, 200>;
export type Structure = StructureList["structures"][number];
export type Site = Structure["sites"][number];
export type Slot = InferResponseType<typeof api.slots.$get, 200>["slots"][number];
export type Mode = Slot["mode"];
export type BookingInput = InferRequestType<typeof api.bookings.$post>["json"];
export type Booking = InferResponseType<typeof api.bookings.$post, 201>;
export type Appointment = Booking["appointment"];
export type ManagedAppointment = InferResponseType<(typeof api.manage)[":token"]["$get"], 200>;
export type ContactChange = InferRequestType<(typeof api.manage)[":token"]["contact"]["$patch"]>["json"];
export type ContactAnswer = InferResponseType<(typeof api.manage)[":token"]["contact"]["$patch"], 200>;

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
const DISCONNECTED =
  "La connexion avec le service a été interrompue. Vérifiez votre connexion à Internet, puis réessayez\u00a0: votre demande ne sera pas enregistrée deux fois.";

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; fields?: unknown; labels?: unknown; alternatives?: unknown };
}

async function errorBody(response: { json(): Promise<unknown> }): Promise<ErrorBody["error"]> {
  return ((await response.json().catch(() => undefined)) as ErrorBody | undefined)?.error;
}

/** Every error body of the API has the form `{ error: { code, message } }`. */
export async function toApiError(response: { status: number; json(): Promise<unknown> }): Promise<ApiError> {
  const error = await errorBody(response);
  const message = typeof error?.message === "string" ? error.message : UNAVAILABLE;
  const code = typeof error?.code === "string" ? error.code : undefined;
  return new ApiError(response.status, message, code);
}

export const getServices = query(async (): Promise<Service[]> => {
  const response = await api.services.$get();
  if (!response.ok) throw await toApiError(response);
  return (await response.json()).services;
}, "services");

export type CommuneSearch = InferResponseType<typeof api.communes.$get, 200>;

/**
 * Communes for a name (or part of one) or a postcode, the most likely first, and the one the text
 * names by itself if any. Not a cached query: the commune field asks as the person types, and
 * drops answers it no longer needs.
 */
export async function searchCommunes(text: string, signal?: AbortSignal): Promise<CommuneSearch> {
  const response = await api.communes.$get({ query: { q: text, limit: "8" } }, signal ? { init: { signal } } : undefined);
  if (!response.ok) throw await toApiError(response);
  return await response.json();
}

/** One commune of the region by its INSEE code; undefined when the region has none with that code. */
export const getCommune = query(async (code: string): Promise<Commune | undefined> => {
  const response = await api.communes[":code"].$get({ param: { code } });
  if (response.status === 404) return undefined;
  if (!response.ok) throw await toApiError(response);
  return (await response.json()).commune;
}, "commune");

/** The structures that serve a commune and offer a service. */
export const getStructures = query(async (service: string, commune: string): Promise<StructureList> => {
  const response = await api.structures.$get({ query: { service, commune } });
  if (!response.ok) throw await toApiError(response);
  return response.json();
}, "structures");

/** One structure offering a service, wherever it serves; undefined when none is. */
export const getStructure = query(async (service: string, id: string): Promise<Structure | undefined> => {
  const response = await api.structures.$get({ query: { service } });
  if (!response.ok) throw await toApiError(response);
  return (await response.json()).structures.find((structure) => structure.id === id);
}, "structure");

/** Where a slot takes place: in a site, or at a distance. */
export interface Place {
  mode: Mode;
  /** For a meeting on site. */
  site?: string | undefined;
}

/**
 * The first free slot within six months: of each structure serving `commune`, or of one
 * structure (in one place when `place` is given, in each of its places with `perPlace`).
 */
export const getFirstSlots = query(
  async (search: {
    service: string;
    commune?: string;
    structure?: string;
    place?: Place;
    perPlace?: boolean;
  }): Promise<Slot[]> => {
    const response = await api.slots.$get({
      query: {
        service: search.service,
        first: "true",
        ...(search.perPlace && { per: "place" as const }),
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

/** A private link that no longer opens its appointment, and the server's words why (cancelled, and when). */
export interface DeadLink {
  dead: string;
}

/** The appointment a private link leads to, or why the link is dead (404: cancelled, past, mangled). */
export const getManagedAppointment = query(async (token: string): Promise<ManagedAppointment | DeadLink> => {
  const response = await api.manage[":token"].$get({ param: { token } });
  if (response.status === 404) return { dead: (await toApiError(response)).message };
  if (!response.ok) throw await toApiError(response);
  return await response.json();
}, "managedAppointment");

/**
 * What became of a request that books, moves or cancels. Every answer is a value, none is
 * thrown: a refusal is part of the flow (a slot taken meanwhile, a field refused), not a crash.
 */
export type Outcome<T> =
  | { kind: "done"; value: T }
  /**
   * 409 SLOT_TAKEN: the slot went meanwhile; the server proposes others. Also any refusal that
   * comes with free slots (`code` says which: a waiting list's 409 CONFLICT, an offer's 410 GONE).
   */
  | { kind: "taken"; code: string; message: string; alternatives: Slot[] }
  /**
   * 422, or a 409 / 403 that names fields: `fields` maps a path ("person.email") to its French
   * message, `labels` (a 422's) the same path to the field's French name (« adresse électronique »).
   */
  | { kind: "invalid"; message: string; fields: Record<string, string>; labels: Record<string, string> }
  /** Any other failure; `disconnected` when no answer came at all (the request may have gone through). */
  | { kind: "failed"; message: string; disconnected: boolean };

async function refusal(response: {
  status: number;
  json(): Promise<unknown>;
}): Promise<Exclude<Outcome<never>, { kind: "done" }>> {
  const error = await errorBody(response);
  const message = typeof error?.message === "string" ? error.message : UNAVAILABLE;
  if (error?.code === "SLOT_TAKEN" || Array.isArray(error?.alternatives)) {
    const alternatives = Array.isArray(error?.alternatives) ? (error.alternatives as Slot[]) : [];
    return { kind: "taken", code: typeof error?.code === "string" ? error.code : "SLOT_TAKEN", message, alternatives };
  }
  // The directory administration names the field of a conflict (a slug taken) or of a refusal
  // (a field reserved to the Région) as a 422 does: the form shows it on that field.
  if (error?.fields && typeof error.fields === "object" && Object.keys(error.fields).length > 0) {
    const labels = error.labels && typeof error.labels === "object" ? (error.labels as Record<string, string>) : {};
    return { kind: "invalid", message, fields: error.fields as Record<string, string>, labels };
  }
  return { kind: "failed", message, disconnected: false };
}

/** Sends a change and reads its answer; a request that got no answer is a failure like the others. */
export async function send<T>(
  request: () => Promise<{ status: number; ok: boolean; json(): Promise<unknown> }>,
  success: number,
): Promise<Outcome<T>> {
  try {
    const response = await request();
    return response.status === success ? { kind: "done", value: (await response.json()) as T } : await refusal(response);
  } catch {
    return { kind: "failed", message: DISCONNECTED, disconnected: true };
  }
}

/**
 * An Idempotency-Key: random, 36 characters. `crypto.randomUUID` exists only on HTTPS and
 * localhost; on a plain-HTTP intranet address the same 122 random bits come from
 * `getRandomValues`, which every browser has.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// Actions revalidate nothing by default here (`revalidate: []`): the router would otherwise
// read every query of the page again, and the page being left would flash the new state.

/**
 * Books a slot. The same `idempotencyKey` with the same input never books twice: a retry
 * after a lost answer gets the first booking back.
 */
export const bookAppointment = action(async (input: BookingInput, idempotencyKey: string) => {
  const outcome = await send<Booking>(
    () => api.bookings.$post({ json: input, header: { "idempotency-key": idempotencyKey } }),
    201,
  );
  // A slot taken meanwhile means the lists of free slots on screen are stale.
  return json(outcome, { revalidate: outcome.kind === "taken" ? [getSlots.key, getFirstSlots.key] : [] });
}, "bookAppointment");

/** Cancels the appointment of a private link, which then stops working. */
export const cancelAppointment = action(async (token: string, reason: string | undefined) => {
  const outcome = await send<{ appointment: Appointment }>(
    () => api.manage[":token"].cancel.$post({ param: { token }, json: reason ? { reason } : {} }),
    200,
  );
  return json(outcome, { revalidate: [] });
}, "cancelAppointment");

/** Moves the appointment of a private link to another free slot of the same offering. */
export const rescheduleAppointment = action(async (token: string, slotKey: string) => {
  const outcome = await send<{ appointment: Appointment }>(
    () => api.manage[":token"].reschedule.$post({ param: { token }, json: { slotKey } }),
    200,
  );
  return json(outcome, { revalidate: outcome.kind === "taken" ? [getSlots.key, getFirstSlots.key] : [] });
}, "rescheduleAppointment");

/** Changes the e-mail, the phone or the SMS choice of the person of a private link. */
export const changeContact = action(async (token: string, change: ContactChange) => {
  const outcome = await send<ContactAnswer>(() => api.manage[":token"].contact.$patch({ param: { token }, json: change }), 200);
  return json(outcome, { revalidate: [] });
}, "changeContact");

/** A message fit for the public: the API's own French message, or a generic one. */
export function describeError(error: unknown): string {
  return error instanceof ApiError ? error.message : UNAVAILABLE;
}
