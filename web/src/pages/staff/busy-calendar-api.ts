import { action, json, query } from "@solidjs/router";
import { hc, type InferResponseType } from "hono/client";
import type { BusyCalendarType } from "../../../../server/app.ts";
import { type Outcome, send, toApiError } from "../../lib/api.ts";

// The advisor's own calendar (server/features/busy-calendar/routes.ts).

const busyCalendar = hc<BusyCalendarType>("/api/busy-calendar");

export type BusyCalendarStatus = InferResponseType<typeof busyCalendar.index.$get, 200>;

export const getBusyCalendar = query(async (): Promise<BusyCalendarStatus> => {
  const response = await busyCalendar.index.$get();
  if (response.status !== 200) throw await toApiError(response);
  return response.json();
}, "busyCalendar");

/** Connects the calendar at this address and reads it: the answer says how the read went. */
export const connectBusyCalendar = action(async (url: string) => {
  const result = await send<BusyCalendarStatus>(() => busyCalendar.index.$put({ json: { url } }), 200);
  return json(result, { revalidate: result.kind === "done" ? [getBusyCalendar.key] : [] });
}, "busyCalendarConnect");

export const refreshBusyCalendar = action(async () => {
  const result = await send<BusyCalendarStatus>(() => busyCalendar.refresh.$post({ json: {} }), 200);
  return json(result, { revalidate: [getBusyCalendar.key] });
}, "busyCalendarRefresh");

export const disconnectBusyCalendar = action(async () => {
  const result: Outcome<unknown> = await send(() => busyCalendar.index.$delete(), 200);
  return json(result, { revalidate: result.kind === "done" ? [getBusyCalendar.key] : [] });
}, "busyCalendarDisconnect");
