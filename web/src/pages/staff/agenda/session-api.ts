import { action, json, query } from "@solidjs/router";
import { hc, type InferRequestType, type InferResponseType } from "hono/client";
import type { SessionsType } from "../../../../../server/app.ts";
import { type Outcome, send, toApiError } from "../../../lib/api.ts";
import { getAgenda, getAppointment } from "./agenda-api.ts";

// A collective session's calls, typed from the server's routes (server/features/sessions/).

const sessions = hc<SessionsType>("/api/agenda/sessions");

export type Session = InferResponseType<(typeof sessions)[":key"]["$get"], 200>["session"];
export type SessionParticipant = Session["participants"][number];
export type SessionSlot = InferResponseType<(typeof sessions)[":key"]["slots"]["$get"], 200>["slots"][number];
export type Attendance = InferRequestType<(typeof sessions)[":key"]["attendance"]["$post"]>["json"]["attendance"];
type MovedSession = InferResponseType<(typeof sessions)[":key"]["move"]["$post"], 200>;

/** A session; null when out of reach (404: unknown, moved or not one's structure's; 422: not a session's address). */
export const getSession = query(async (key: string): Promise<Session | null> => {
  const response = await sessions[":key"].$get({ param: { key } });
  if (response.status === 404 || response.status === 422) return null;
  if (response.status !== 200) throw await toApiError(response);
  return (await response.json()).session;
}, "session");

/** Where the whole session may go: its advisor's free slots with seats enough, from a day on. */
export const getSessionSlots = query(async (key: string, from?: string): Promise<SessionSlot[]> => {
  const response = await sessions[":key"].slots.$get({ param: { key }, query: from ? { from } : {} });
  if (response.status !== 200) throw await toApiError(response);
  return (await response.json()).slots;
}, "sessionSlots");

const changed = () => [getSession.key, getSessionSlots.key, getAgenda.key, getAppointment.key];

export const recordAttendance = action(async (key: string, attendance: Attendance) => {
  const result: Outcome<unknown> = await send(
    () => sessions[":key"].attendance.$post({ param: { key }, json: { attendance } }),
    200,
  );
  return json(result, { revalidate: result.kind === "done" ? changed() : [] });
}, "sessionAttendance");

/** Cancels every seat: each participant is told, with the calendar's cancellation. */
export const cancelSession = action(async (key: string, reason: string) => {
  const result: Outcome<unknown> = await send(() => sessions[":key"].cancel.$post({ param: { key }, json: { reason } }), 200);
  return json(result, { revalidate: result.kind === "done" ? changed() : [] });
}, "sessionCancel");

/** Moves every seat, or none; the session's address changes with its time. */
export const moveSession = action(async (key: string, slotKey: string) => {
  const result = await send<MovedSession>(() => sessions[":key"].move.$post({ param: { key }, json: { slotKey } }), 200);
  // Not the session's own queries: under its old key it is gone (404), and its page goes to the new one.
  return json(result, { revalidate: result.kind === "done" ? [getAgenda.key, getAppointment.key] : [] });
}, "sessionMove");
