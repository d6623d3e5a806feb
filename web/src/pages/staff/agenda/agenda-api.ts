import { action, json, query } from "@solidjs/router";
import { hc } from "hono/client";
import type { AgendaType, CalendarFeedType, DeskType } from "../../../../../server/app.ts";
import { type Booking, type Mode, type Outcome, send, toApiError } from "../../../lib/api.ts";

// The agenda's and the reception desk's calls. Their answers are declared loosely on the
// server (`passthrough`): they are typed here, once, from what the handlers return
// (server/features/agenda/routes.ts, load-agenda.ts; server/features/desk/routes.ts, desk-slots.ts).

const agenda = hc<AgendaType>("/api/agenda");
const desk = hc<DeskType>("/api/desk");
const calendarFeed = hc<CalendarFeedType>("/api/calendar-feed");

export type AppointmentStatus = "booked" | "cancelled";
export type AppointmentOutcome = "honoured" | "no_show" | "excused";
export type Channel = "online" | "reception" | "referral" | "advisor";
interface Named {
  id: string;
  firstName: string;
  lastName: string;
}

export interface AgendaAppointment {
  id: string;
  start: string;
  end: string;
  status: AppointmentStatus;
  outcome: AppointmentOutcome | null;
  mode: Mode;
  channel: Channel;
  structure: { id: string; name: string };
  site: { id: string; name: string } | null;
  service: { name: string };
  advisor: Named;
  person: { firstName: string; lastName: string };
}

export interface Agenda {
  zone: string;
  /** The server's today in the agenda's zone. */
  today: string;
  /** The structures' sites, naming the places of free slots and closures. */
  sites: { id: string; name: string }[];
  appointments: AgendaAppointment[];
  /** A team's advisors' meetings in their other structures: when, and nothing more. */
  busy: { advisorId: string; start: string; end: string }[];
  /** The reason, for the absences of one's own structures (null otherwise). */
  absences: { id: string; advisorId: string; start: string; end: string; reason: string | null }[];
  closures: {
    id: string;
    structureId: string;
    siteId: string | null;
    startDate: string;
    endDate: string;
    reason: string | null;
  }[];
  freeSlots: { start: string; end: string; advisorId: string; siteId: string | null; mode: Mode; services: string[] }[];
}

export interface AppointmentDetail {
  id: string;
  start: string;
  end: string;
  status: AppointmentStatus;
  outcome: AppointmentOutcome | null;
  outcomeAt: string | null;
  mode: Mode;
  channel: Channel;
  notes: string | null;
  accessibilityNeeds: string | null;
  cancelReason: string | null;
  followUpOfId: string | null;
  structure: { id: string; name: string };
  site: { id: string; name: string; address: string } | null;
  offering: { id: string; service: { id: string; name: string } };
  advisor: Named;
  bookedBy: { firstName: string; lastName: string } | null;
  person: Named & { email: string | null; phone: string | null; anonymisedAt: string | null };
  history: { id: string; start: string; status: AppointmentStatus; outcome: AppointmentOutcome | null; service: string }[];
}

export interface DeskPerson extends Named {
  email: string | null;
  phone: string | null;
  birthYear: number | null;
  lastSeen: string;
}

export interface DeskStructure {
  id: string;
  name: string;
  offerings: { id: string; durationMinutes: number; modes: Mode[]; service: { id: string; name: string } }[];
  advisors: Named[];
}

export interface DeskSlot {
  key: string;
  start: string;
  end: string;
  advisorId: string;
  structureId: string;
  siteId: string | null;
  mode: Mode;
  seatsLeft: number;
  advisor: Named | null;
  site: { id: string; name: string } | null;
}

export interface DeskStructureChoice {
  id: string;
  name: string;
  network: { name: string };
  /** One of the user's structures; the others have an offering open to staff booking. */
  own: boolean;
}

/** A booking made for someone: with whom, and whether a confirmation e-mail is on its way. */
export interface DeskBooking extends Booking {
  advisor: { firstName: string; lastName: string };
  confirmationSent: boolean;
}

export interface SentConfirmation {
  sentTo: string;
  manageUrl: string;
  /** A new private link was made: the one handed over before no longer works. */
  newLink: boolean;
}

export interface DeskBookingInput {
  slotKey: string;
  person?: { id: string } | { firstName: string; lastName: string; email?: string; phone?: string };
  followUpOf?: string;
  channel?: "reception" | "advisor";
}

/** The agenda of a period: one's own without `structure`, the structure's team (or one advisor of it) with it. */
export const getAgenda = query(
  async (range: { from: string; to: string; structure?: string | undefined; advisor?: string | undefined }): Promise<Agenda> => {
    const response = await agenda.index.$get({
      query: {
        from: range.from,
        to: range.to,
        ...(range.structure && { structure: range.structure }),
        ...(range.structure && range.advisor && { advisor: range.advisor }),
      },
    });
    if (response.status !== 200) throw await toApiError(response);
    return (await response.json()) as unknown as Agenda;
  },
  "agenda",
);

/** One appointment; null when it is out of reach (404: unknown, or not one's own nor one's structure's). */
export const getAppointment = query(async (id: string): Promise<AppointmentDetail | null> => {
  const response = await agenda.appointments[":id"].$get({ param: { id } });
  if (response.status === 404 || response.status === 422) return null;
  if (response.status !== 200) throw await toApiError(response);
  return ((await response.json()) as unknown as { appointment: AppointmentDetail }).appointment;
}, "agendaAppointment");

/** The structures one may book in for someone: one's own first. */
export const getDeskStructures = query(async (): Promise<DeskStructureChoice[]> => {
  const response = await desk.structures.$get();
  if (response.status !== 200) throw await toApiError(response);
  return ((await response.json()) as unknown as { structures: DeskStructureChoice[] }).structures;
}, "deskStructures");

/** The offerings one may book for someone in a structure, and its advisors. */
export const getDeskStructure = query(async (structure: string): Promise<DeskStructure> => {
  const response = await desk.offerings.$get({ query: { structure } });
  if (response.status !== 200) throw await toApiError(response);
  return ((await response.json()) as unknown as { structure: DeskStructure }).structure;
}, "deskStructure");

/** The first 20 free slots of an offering, as staff may book them: of every advisor, or of one; from a day on (today by default). */
export const getDeskSlots = query(async (offering: string, advisor?: string, from?: string): Promise<DeskSlot[]> => {
  const response = await desk.slots.$get({ query: { offering, ...(advisor && { advisor }), ...(from && { from }) } });
  if (response.status !== 200) throw await toApiError(response);
  return ((await response.json()) as unknown as { slots: DeskSlot[] }).slots;
}, "deskSlots");

/** People already seen by the structure whose name, address or phone holds `q`. Not cached: asked as one types. */
export async function searchPeople(structure: string, q: string): Promise<DeskPerson[]> {
  const response = await desk.people.$get({ query: { structure, q } });
  if (response.status !== 200) throw await toApiError(response);
  return ((await response.json()) as unknown as { people: DeskPerson[] }).people;
}

const appointmentKeys = () => [getAppointment.key, getAgenda.key];

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
export const getCalendarFeed = query(async (): Promise<{ active: boolean; createdAt: string | null }> => {
  const response = await calendarFeed.index.$get();
  if (response.status !== 200) throw await toApiError(response);
  return response.json();
}, "calendarFeed");

/** A new subscription address, shown once; the previous one stops working. */
export const createCalendarFeed = action(async () => {
  const result = await send<{ url: string }>(() => calendarFeed.index.$post({ json: {} }), 201);
  return json(result, { revalidate: result.kind === "done" ? [getCalendarFeed.key] : [] });
}, "calendarFeedCreate");

export const revokeCalendarFeed = action(async () => {
  const result: Outcome<unknown> = await send(() => calendarFeed.index.$delete(), 200);
  return json(result, { revalidate: result.kind === "done" ? [getCalendarFeed.key] : [] });
}, "calendarFeedRevoke");
