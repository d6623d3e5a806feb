import { expect } from "vitest";
import type { testApp } from "./app.ts";

let keyCounter = 0;

/**
 * Books the small directory's VAE information meeting on site, online, on `date` (Paris), at
 * `time` (« 10:00 ») or the first one, for Léa Durand with `person`'s contact.
 */
export async function bookOnline(
  app: ReturnType<typeof testApp>,
  structureId: string,
  { date, person, time }: { date: string; person: object; time?: string | undefined },
) {
  const { slots } = await (
    await app.request(`/api/slots?service=information-conseil-vae&structure=${structureId}&from=${date}&to=${date}&mode=onsite`)
  ).json();
  const slot = time ? slots.find((s: { start: string }) => s.start.includes(`T${time}`)) : slots[0];
  if (!slot) throw new Error(`no slot on ${date} ${time ?? ""}`);
  const res = await app.request("/api/bookings", {
    method: "POST",
    headers: { "Content-Type": "application/json", "Idempotency-Key": `book-online-${++keyCounter}` },
    body: JSON.stringify({
      slotKey: slot.key,
      person: { firstName: "Léa", lastName: "Durand", ...person },
      noticeAccepted: true,
    }),
  });
  const body = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(201);
  return {
    id: body.appointment.id as string,
    manageUrl: body.manageUrl as string,
    token: String(body.manageUrl).split("/").pop() as string,
  };
}
