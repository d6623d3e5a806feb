import { action, json, query } from "@solidjs/router";
import { hc, type InferRequestType, type InferResponseType } from "hono/client";
import type { AgendaType, CalendarFeedType, DeskType } from "../../../../../server/app.ts";
import { type Outcome, send, toApiError } from "../../../lib/api.ts";
import type { PlaceFilter } from "./place-filter.ts";

// The agenda's and the reception desk's calls, typed from the server's routes
// (server/features/agenda/schemas.ts, server/features/desk/schemas.ts).

const agenda = hc<AgendaType>("/api/agenda");
const desk = hc<DeskType>("/api/desk");
const calendarFeed = hc<CalendarFeedType>("/api/calendar-feed");

export type Agenda = InferResponseType<typeof agenda.index.$get, 200>;
export type AgendaAppointment = Agenda["appointments"][number];
export type AppointmentDetail = InferResponseType<(typeof agenda.appointments)[":id"]["$get"], 200>["appointment"];
export type AppointmentStatus = AppointmentDetail["status"];
export type AppointmentOutcome = NonNullable<AppointmentDetail["outcome"]>;
export type Channel = AppointmentDetail["channel"];
export type DeskPerson = InferResponseType<typeof desk.people.$get, 200>["people"][number];
export type DeskStructure = InferResponseType<typeof desk.offerings.$get, 200>["structure"];
export type DeskSlot = InferResponseType<typeof desk.slots.$get, 200>["slots"][number];
/** A free slot to choose from; a referral's gives the advisor's name only to the staff of the target structure. */
export type SlotChoice = Omit<DeskSlot, "advisor"> & Partial<Pick<DeskSlot, "advisor">>;
export type DeskStructureChoice = InferResponseType<typeof desk.structures.$get, 200>["structures"][number];
/** A booking made for someone: with whom, and whether a confirmation e-mail is on its way. */
export type DeskBooking = InferResponseType<typeof desk.bookings.$post, 201>;
export type DeskBookingInput = InferRequestType<typeof desk.bookings.$post>["json"];
/** `newLink`: a new private link was made, the one handed over before no longer works. */
export type SentConfirmation = InferResponseType<(typeof agenda.appointments)[":id"]["confirmation"]["$post"], 200>;
/** What the printed confirmation says; `manageUrl` null when the server no longer knows the private link. */
export type PrintableConfirmation = InferResponseType<(typeof agenda.appointments)[":id"]["confirmation"]["$get"], 200>;
/** A meeting moved by staff: its new time, and who was told. */
export type MovedAppointment = InferResponseType<(typeof agenda.appointments)[":id"]["move"]["$post"], 200>;
type CalendarFeed = InferResponseType<typeof calendarFeed.index.$get, 200>;
type NewCalendarFeed = InferResponseType<typeof calendarFeed.index.$post, 201>;

/**
 * The agenda of a period: one's own without `structure`, the structure's team (or one advisor of
 * it) with it; without dates, the server's today.
 */
export const getAgenda = query(
  async (range: {
    from?: string;
    to?: string;
    structure?: string | undefined;
    advisor?: string | undefined;
  }): Promise<Agenda> => {
    const response = await agenda.index.$get({
      query: {
        ...(range.from && { from: range.from }),
        ...(range.to && { to: range.to }),
        ...(range.structure && { structure: range.structure }),
        ...(range.structure && range.advisor && { advisor: range.advisor }),
      },
    });
    if (response.status !== 200) throw await toApiError(response);
    return await response.json();
  },
  "agenda",
);

/** One appointment; null when it is out of reach (404: unknown, or not one's own nor one's structure's). */
export const getAppointment = query(async (id: string): Promise<AppointmentDetail | null> => {
  const response = await agenda.appointments[":id"].$get({ param: { id } });
  if (response.status === 404 || response.status === 422) return null;
  if (response.status !== 200) throw await toApiError(response);
  return (await response.json()).appointment;
}, "agendaAppointment");

/** The confirmation to print again, from the server; null when the appointment is out of reach. */
export const getPrintableConfirmation = query(async (id: string): Promise<PrintableConfirmation | null> => {
  const response = await agenda.appointments[":id"].confirmation.$get({ param: { id } });
  if (response.status === 404 || response.status === 422) return null;
  if (response.status !== 200) throw await toApiError(response);
  return await response.json();
}, "agendaPrintableConfirmation");

/** The structures one may book in for someone: one's own first. */
export const getDeskStructures = query(async (): Promise<DeskStructureChoice[]> => {
  const response = await desk.structures.$get();
  if (response.status !== 200) throw await toApiError(response);
  return (await response.json()).structures;
}, "deskStructures");

/** The offerings one may book for someone in a structure, and its advisors. */
export const getDeskStructure = query(async (structure: string): Promise<DeskStructure> => {
  const response = await desk.offerings.$get({ query: { structure } });
  if (response.status !== 200) throw await toApiError(response);
  return (await response.json()).structure;
}, "deskStructure");

/**
 * The first 20 free slots of an offering, as staff may book them: of every advisor, or of one;
 * from a day on (today by default); at a site or held one way only (`place`).
 */
export const getDeskSlots = query(
  async (offering: string, advisor?: string, from?: string, place: PlaceFilter = {}): Promise<DeskSlot[]> => {
    const response = await desk.slots.$get({
      query: {
        offering,
        ...(advisor && { advisor }),
        ...(from && { from }),
        ...(place.site && { site: place.site }),
        ...(place.mode && { mode: place.mode }),
      },
    });
    if (response.status !== 200) throw await toApiError(response);
    return (await response.json()).slots;
  },
  "deskSlots",
);

/** People already seen by the structure whose name, address or phone holds `q`. Not cached: asked as one types. */
export async function searchPeople(structure: string, q: string): Promise<DeskPerson[]> {
  const response = await desk.people.$get({ query: { structure, q } });
  if (response.status !== 200) throw await toApiError(response);
  return (await response.json()).people;
}

const appointmentKeys = () => [getAppointment.key, getAgenda.key, getPrintableConfirmation.key];

export const markOutcome = action(async (id: string, outcome: AppointmentOutcome) => {
  const result: Outcome<unknown> = await send(
    () => agenda.appointments[":id"].outcome.$post({ param: { id }, json: { outcome } }),
    200,
  );
  return json(result, { revalidate: result.kind === "done" ? appointmentKeys() : [] });
}, "agendaMarkOutcome");

export const saveNotes = action(async (id: string, notes: string) => {
  const result: Outcome<unknown> = await send(() => agenda.appointments[":id"].$patch({ param: { id }, json: { notes } }), 200);
  return json(result, { revalidate: result.kind === "done" ? [getAppointment.key] : [] });
}, "agendaSaveNotes");

/** Cancels for the structure: the person is told by e-mail, with the calendar's cancellation. */
export const cancelForStructure = action(async (id: string, reason: string) => {
  const result: Outcome<unknown> = await send(
    () => agenda.appointments[":id"].cancel.$post({ param: { id }, json: { reason } }),
    200,
  );
  return json(result, { revalidate: result.kind === "done" ? appointmentKeys() : [] });
}, "agendaCancel");

/** Moves to another free slot: the person and the advisors are told; a slot taken meanwhile comes back as « taken ». */
export const moveAppointment = action(async (id: string, slotKey: string) => {
  const result = await send<MovedAppointment>(
    () => agenda.appointments[":id"].move.$post({ param: { id }, json: { slotKey } }),
    200,
  );
  const stale =
    result.kind === "done" ? [getDeskSlots.key, ...appointmentKeys()] : result.kind === "taken" ? [getDeskSlots.key] : [];
  return json(result, { revalidate: stale });
}, "agendaMove");

/**
 * E-mails the confirmation (with the .ics and reminders). With the private link the page holds,
 * the e-mail gives the same; without, a new link replaces the old.
 */
export const sendConfirmation = action(async (id: string, input: { email?: string; manageToken?: string }) => {
  const result = await send<SentConfirmation>(
    () => agenda.appointments[":id"].confirmation.$post({ param: { id }, json: input }),
    200,
  );
  return json(result, { revalidate: result.kind === "done" ? [getAppointment.key] : [] });
}, "agendaSendConfirmation");

/** Books for someone; the same `idempotencyKey` never books twice (a retry after a lost answer gets the first booking). */
export const bookForPerson = action(async (input: DeskBookingInput, idempotencyKey: string) => {
  const result = await send<DeskBooking>(
    () => desk.bookings.$post({ json: input, header: { "idempotency-key": idempotencyKey } }),
    201,
  );
  const stale =
    result.kind === "done" ? [getDeskSlots.key, ...appointmentKeys()] : result.kind === "taken" ? [getDeskSlots.key] : [];
  return json(result, { revalidate: stale });
}, "deskBook");

/** Whether one's calendar subscription exists, and since when. */
export const getCalendarFeed = query(async (): Promise<CalendarFeed> => {
  const response = await calendarFeed.index.$get();
  if (response.status !== 200) throw await toApiError(response);
  return response.json();
}, "calendarFeed");

/** A new subscription address, shown once; the previous one stops working. */
export const createCalendarFeed = action(async () => {
  const result = await send<NewCalendarFeed>(() => calendarFeed.index.$post({ json: {} }), 201);
  return json(result, { revalidate: result.kind === "done" ? [getCalendarFeed.key] : [] });
}, "calendarFeedCreate");

export const revokeCalendarFeed = action(async () => {
  const result: Outcome<unknown> = await send(() => calendarFeed.index.$delete(), 200);
  return json(result, { revalidate: result.kind === "done" ? [getCalendarFeed.key] : [] });
}, "calendarFeedRevoke");
