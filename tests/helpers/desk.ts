import { randomUUID } from "node:crypto";
import { openSession } from "../../server/auth/sessions.ts";
import { fixedClock } from "../../server/clock.ts";
import { sender, useStaffApp } from "./staff.ts";

/**
 * For a test file of the reception desk: `useStaffApp` on Monday 26 October 2026, 9 h 00 in
 * Paris (UTC+1 since Sunday), and the requests the desk makes.
 */
export function useDesk() {
  const clock = fixedClock("2026-10-26T08:00:00Z");
  const env = useStaffApp(clock);
  const send = sender(env);

  async function book(cookie: string, body: object, key = randomUUID()) {
    const res = await env.app.request("/api/desk/bookings", {
      method: "POST",
      headers: { Cookie: cookie, "Content-Type": "application/json", "Idempotency-Key": key },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: await res.json() };
  }
  const deskSlots = (query: string, cookie = env.fx.cookies.reception) => send("GET", `/desk/slots?${query}`, cookie);
  /** Free slots at distinct times (each time is offered on site and by phone). */
  const distinctTimes = async (query: string): Promise<[{ key: string }, { key: string }]> => {
    const { slots } = (await deskSlots(query)).body as { slots: { start: string; key: string }[] };
    const distinct = slots.filter((s, i) => slots.findIndex((t) => t.start === s.start) === i);
    const [first, second] = distinct;
    if (!first || !second) throw new Error(`too few slots for ${query}`);
    return [first, second];
  };
  /** The desk's confirmation e-mail of an appointment, asked for after the booking. */
  const confirm = (id: string, body: object, cookie = env.fx.cookies.reception) =>
    send("POST", `/agenda/appointments/${id}/confirmation`, cookie, body);
  /** A session of the CIO of Roubaix's advisor, who does not work at the PIC VAE. */
  const outsider = async () => `rdv-session=${await openSession(env.db, env.fx.otherAdvisor.id, clock.now())}`;
  /** Books someone known by name only on the first free time from `from`, as the desk does. */
  async function walkIn(from: string) {
    const [slot] = await distinctTimes(`offering=${env.fx.offering.id}&from=${from}`);
    const booked = await book(env.fx.cookies.reception, { slotKey: slot.key, person: { firstName: "Sami", lastName: "Diallo" } });
    if (booked.status !== 201) throw new Error(`booking: ${booked.status} ${JSON.stringify(booked.body)}`);
    return {
      id: booked.body.appointment.id as string,
      manageUrl: booked.body.manageUrl as string,
      token: (booked.body.manageUrl as string).split("/rdv/")[1] as string,
    };
  }
  return { clock, env, send, book, deskSlots, distinctTimes, confirm, outsider, walkIn };
}
