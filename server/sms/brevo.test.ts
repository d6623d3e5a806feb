import { describe, expect, it } from "vitest";
import { deliveryFailure } from "../../tests/helpers/brevo.ts";
import { brevoTransport, isTransient, retryAfterOf } from "./brevo.ts";
import type { SmsEnvelope } from "./transport.ts";

const SMS_URL = "brevo://xkeysib-KEY@api.brevo.com?sender=RDVOrient";
const sms: SmsEnvelope = {
  messageId: "0b6f3c52-8d1e-4f7a-9c3b-2e5d7a9f1c40",
  to: "+33612345678",
  text: "Rendez-vous lundi 30 mars a 9h00.",
  segments: 1,
  encoding: "GSM-7",
};

/** A transport whose fetch answers `response` (and counts its calls), no network involved. */
function answering(response: () => Response | Promise<Response>) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return response();
  }) as typeof globalThis.fetch;
  return { send: brevoTransport(SMS_URL, { fetch }), calls };
}
const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });

const failure = deliveryFailure;

describe("Brevo's answers", () => {
  it("posts to Brevo's endpoint over HTTPS, refusing redirects", async () => {
    const { send, calls } = answering(() => json(201, { messageId: 1511882900176220 }));
    await send(sms);
    expect(calls[0]?.url).toBe("https://api.brevo.com/v3/transactionalSMS/send");
    expect(calls[0]?.init).toMatchObject({ method: "POST", redirect: "manual" });
    expect(calls[0]?.init.signal).toBeInstanceOf(AbortSignal);
  });

  it.each([
    [400, "invalid_parameter", false],
    [400, "not_enough_credits", true],
    [401, "unauthorized", false],
    [402, "not_enough_credits", true],
    [403, "permission_denied", false],
    [404, "document_not_found", false],
    [408, undefined, true],
    [500, undefined, true],
    [503, undefined, true],
  ])("takes %i %s as transient: %s", async (status, code, transient) => {
    expect(isTransient(status, code)).toBe(transient);
    const { send } = answering(() => json(status, { code, message: "Numéro +33612345678 refusé" }));
    const error = await failure(send(sms));
    expect(error).toMatchObject({ transient, unreachable: false, message: `Brevo ${status}${code ? ` ${code}` : ""}` });
  });

  it("fails for good on a redirect, without following it", async () => {
    const { send, calls } = answering(
      () => new Response(null, { status: 307, headers: { location: "https://elsewhere.example/" } }),
    );
    expect(await failure(send(sms))).toMatchObject({ transient: false, message: "Brevo 307" });
    expect(calls).toHaveLength(1);
  });

  it("keeps a body that is not Brevo's error, or a code that is not a word, out of the error", async () => {
    expect((await failure(answering(() => new Response("<html>Bad gateway</html>", { status: 502 })).send(sms))).message).toBe(
      "Brevo 502",
    );
    const { send } = answering(() => json(400, { code: "+33612345678 is invalid", message: "x" }));
    expect((await failure(send(sms))).message).toBe("Brevo 400");
  });

  it("refuses a number that is not E.164 without asking Brevo", async () => {
    const { send, calls } = answering(() => json(201, {}));
    const error = await failure(send({ ...sms, to: "0612345678" }));
    expect(error).toMatchObject({ transient: false, message: "destinataire hors du format E.164" });
    expect(calls).toHaveLength(0);
  });

  it("reads network failures as unreachable, naming only the error's code", async () => {
    const refused = Object.assign(new TypeError("fetch failed"), {
      cause: Object.assign(new Error("connect ECONNREFUSED 10.0.0.1:443"), { code: "ECONNREFUSED" }),
    });
    const { send } = answering(() => Promise.reject(refused));
    expect(await failure(send(sms))).toMatchObject({
      transient: true,
      unreachable: true,
      message: "Brevo injoignable : ECONNREFUSED",
    });
  });
});

describe("how long a 429 asks to wait", () => {
  const now = Date.parse("2026-12-07T10:00:00Z");
  const headers = (h: Record<string, string>) => new Headers(h);

  it("reads Retry-After in seconds or as a date", () => {
    expect(retryAfterOf(headers({ "retry-after": "7" }), now)).toBe(7000);
    expect(retryAfterOf(headers({ "retry-after": "Mon, 07 Dec 2026 10:00:30 GMT" }), now)).toBe(30_000);
    expect(retryAfterOf(headers({ "retry-after": "Mon, 07 Dec 2026 09:00:00 GMT" }), now)).toBe(0);
  });

  it("falls back on Brevo's x-sib-ratelimit-reset, else says nothing", () => {
    expect(retryAfterOf(headers({ "x-sib-ratelimit-reset": "12" }), now)).toBe(12_000);
    expect(retryAfterOf(headers({ "retry-after": "bientôt" }), now)).toBeUndefined();
    expect(retryAfterOf(headers({}), now)).toBeUndefined();
  });

  it("gives the wait to the DeliveryError", async () => {
    const { send } = answering(() => json(429, { message: "Too many requests" }, { "x-sib-ratelimit-reset": "3" }));
    expect(await failure(send(sms))).toMatchObject({ transient: true, unreachable: false, retryAfterMs: 3000 });
  });
});
