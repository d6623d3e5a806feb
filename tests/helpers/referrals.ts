import { expect } from "vitest";
import type { Clock } from "../../server/clock.ts";
import { TEST_SECRET } from "./app.ts";
import { sender, useStaffApp } from "./staff.ts";

/** What the referral sweep needs of the configuration. */
export const SWEEP_CONFIG = { publicUrl: "http://localhost:3000", sessionSecret: TEST_SECRET };

/**
 * For a test file of referrals: `useStaffApp` on a clock that starts on Monday 26 October 2026,
 * 9 h 00 in Paris (`at` moves it), and a partner's referral of Nadia Benamar to the PIC VAE of
 * Lille (`refer`), with the requests that follow it.
 */
export function useReferrals() {
  let now = new Date("2026-10-26T08:00:00Z");
  const clock: Clock = { now: () => now };
  const env = useStaffApp(clock);
  const send = sender(env);
  const at = (iso: string) => {
    now = new Date(iso);
  };
  async function refer(overrides: object = {}) {
    const res = await send("POST", "/referrals", env.fx.cookies.referrer, {
      fromStructureId: env.fx.partner.id,
      toStructureId: env.fx.structure.id,
      serviceId: env.fx.services.vae.id,
      person: { firstName: "Nadia", lastName: "Benamar", email: "nadia.benamar@example.org", phone: "0612345678" },
      need: "Aide-soignante depuis 12 ans, souhaite un diplôme d'État par la VAE.",
      consent: true,
      ...overrides,
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }
  const detail = async (id: string, cookie = env.fx.cookies.referrer) => send("GET", `/referrals/${id}`, cookie);
  async function post(path: string, cookie: string, body: object = {}, key?: string) {
    const res = await env.app.request(`/api${path}`, {
      method: "POST",
      headers: { Cookie: cookie, "Content-Type": "application/json", ...(key && { "Idempotency-Key": key }) },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: await res.json() };
  }
  const kinds = async (id: string, cookie = env.fx.cookies.referrer) =>
    ((await detail(id, cookie)).body.referral.timeline as { kind: string }[]).map((e) => e.kind);
  const firstSlot = async (id: string, cookie = env.fx.cookies.referrer) =>
    (await send("GET", `/referrals/${id}/slots`, cookie)).body.slots[0] as { key: string; start: string };
  return { clock, env, send, at, refer, detail, post, kinds, firstSlot };
}
