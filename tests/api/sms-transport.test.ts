import { afterEach, describe, expect, it } from "vitest";
import { createSmsTransport, type SmsEnvelope } from "../../server/sms/transport.ts";
import { type BrevoReply, deliveryFailure, startBrevoServer } from "../helpers/brevo.ts";
import { freePort } from "../helpers/net.ts";

const API_KEY = "xkeysib-0123456789abcdef-TestKey";
const sms: SmsEnvelope = {
  messageId: "0b6f3c52-8d1e-4f7a-9c3b-2e5d7a9f1c40",
  to: "+33612345678",
  text: "RDV Orientation : rendez-vous confirme le lundi 30 mars a 9h00, Mission Locale de Lille.",
  segments: 1,
  encoding: "GSM-7",
};

let servers: { close: () => Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

async function brevo(reply?: () => BrevoReply | undefined) {
  const server = await startBrevoServer({ apiKey: API_KEY, ...(reply && { reply }) });
  servers.push(server);
  return server;
}
const transport = (smsUrl: string, timeoutMs?: number) =>
  createSmsTransport({ smsUrl, dataDir: "/nonexistent" }, timeoutMs ? { timeoutMs } : {});

const failure = deliveryFailure;

describe("the Brevo SMS transport, against a server speaking Brevo's API", () => {
  it("posts the SMS as Brevo documents it, and takes the 201", async () => {
    const server = await brevo();
    await transport(server.smsUrl())(sms);
    expect(server.received).toHaveLength(1);
    const [request] = server.received;
    expect(request?.path).toBe("/v3/transactionalSMS/send");
    expect(request?.headers["api-key"]).toBe(API_KEY);
    expect(request?.headers["content-type"]).toBe("application/json");
    expect(request?.body).toEqual({
      sender: "RDVOrient",
      recipient: "33612345678",
      content: sms.text,
      type: "transactional",
      tag: sms.messageId,
      unicodeEnabled: false,
    });
  });

  it("asks for Unicode when the text is UCS-2", async () => {
    const server = await brevo();
    await transport(server.smsUrl())({ ...sms, text: "Rendez-vous confirmé ✓", encoding: "UCS-2" });
    expect(server.received[0]?.body).toMatchObject({ content: "Rendez-vous confirmé ✓", unicodeEnabled: true });
  });

  it("fails for good on a 400, once, saying Brevo's code but not its message", async () => {
    const server = await brevo(() => ({
      status: 400,
      body: { code: "invalid_parameter", message: "Invalid phone number 33612345678" },
    }));
    const error = await failure(transport(server.smsUrl())(sms));
    expect(error).toMatchObject({ transient: false, unreachable: false, message: "Brevo 400 invalid_parameter" });
    expect(server.received).toHaveLength(1);
  });

  it("fails for good with a wrong key (401)", async () => {
    const server = await brevo();
    const error = await failure(transport(server.smsUrl("RDVOrient", "xkeysib-wrong"))(sms));
    expect(error).toMatchObject({ transient: false, unreachable: false, message: "Brevo 401 unauthorized" });
  });

  it("waits as long as a 429's Retry-After says", async () => {
    const server = await brevo(() => ({
      status: 429,
      body: { message: "Too many requests" },
      headers: { "retry-after": "7", "x-sib-ratelimit-limit": "150", "x-sib-ratelimit-remaining": "0" },
    }));
    const error = await failure(transport(server.smsUrl())(sms));
    expect(error).toMatchObject({ transient: true, unreachable: false, retryAfterMs: 7000 });
    expect(error.message).toBe("Brevo 429 (nouvel essai dans 7000 ms)");
  });

  it.each([500, 502, 503])("tries again later after a %i", async (status) => {
    const server = await brevo(() => ({ status, body: { code: "internal_error", message: "Internal error" } }));
    const error = await failure(transport(server.smsUrl())(sms));
    expect(error).toMatchObject({ transient: true, unreachable: false, retryAfterMs: undefined });
    expect(error.message).toBe(`Brevo ${status} internal_error`);
  });

  it("tries again later when out of credits (402), for they can be bought meanwhile", async () => {
    const server = await brevo(() => ({ status: 402, body: { code: "not_enough_credits", message: "Not enough credits" } }));
    expect(await failure(transport(server.smsUrl())(sms))).toMatchObject({ transient: true, unreachable: false });
  });

  it("tries again later, as unreachable, when nothing listens", async () => {
    const port = await freePort();
    const error = await failure(transport(`brevo+http://${API_KEY}@127.0.0.1:${port}?sender=RDVOrient`)(sms));
    expect(error).toMatchObject({ transient: true, unreachable: true, message: "Brevo injoignable : ECONNREFUSED" });
  });

  it("tries again later, as unreachable, when no answer comes in time", async () => {
    const server = await brevo(() => "hang");
    const started = Date.now();
    const error = await failure(transport(server.smsUrl(), 300)(sms));
    expect(error).toMatchObject({ transient: true, unreachable: true, message: "Brevo : pas de réponse en 300 ms" });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(server.received).toHaveLength(1);
  });
});
