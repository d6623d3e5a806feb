import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { expect } from "vitest";
import { DeliveryError } from "../../server/mail/transport.ts";

/** What Brevo was asked, as its server read it. */
export interface BrevoRequest {
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

/** An answer forced on a request: a status, Brevo's error body, headers; or none at all. */
export type BrevoReply = { status: number; body?: unknown; headers?: Record<string, string> } | "hang";

const SEND_PATH = "/v3/transactionalSMS/send";

/**
 * A real HTTP server on 127.0.0.1 that answers as Brevo's transactional SMS API documents it
 * (https://developers.brevo.com/docs/transactional-sms-endpoints): POST /v3/transactionalSMS/send
 * with the key in `api-key` and a JSON body (sender, recipient without "+", content, type),
 * answered 201 `{ messageId }`, or 400/401/405 with `{ code, message }`. `reply` may force
 * another answer for a request (a 429, a 503), or "hang" to never answer it.
 */
export async function startBrevoServer(
  options: { apiKey: string; reply?: (request: BrevoRequest, count: number) => BrevoReply | undefined },
  /** A given port; any free one by default. */
  listenOn = 0,
) {
  const received: BrevoRequest[] = [];
  let count = 0;
  let nextMessageId = 1511882900176220;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const request: BrevoRequest = { path: req.url ?? "", headers: req.headers, body: parsed(Buffer.concat(chunks).toString()) };
      received.push(request);
      const forced = options.reply?.(request, ++count);
      if (forced === "hang") return;
      if (forced) return answer(res, forced.status, forced.body ?? {}, forced.headers);
      if (request.path !== SEND_PATH) return answer(res, 404, { code: "document_not_found", message: "Not found" });
      if (req.method !== "POST") {
        return answer(res, 405, { code: "method_not_allowed", message: `${req.method} Method is not allowed on this path` });
      }
      if (req.headers["api-key"] !== options.apiKey) return answer(res, 401, { code: "unauthorized", message: "Key not found" });
      const problem = problemOf(req.headers, request.body);
      if (problem) return answer(res, 400, { code: "invalid_parameter", message: problem });
      answer(res, 201, { messageId: nextMessageId++ });
    });
  });
  await new Promise<void>((resolve) => server.listen(listenOn, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    /** SMS_URL for this server. */
    smsUrl: (sender = "RDVOrient", apiKey = options.apiKey) => `brevo+http://${apiKey}@127.0.0.1:${port}?sender=${sender}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        // Requests left hanging on purpose would keep it open.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Why Brevo would refuse the body, by its documented fields; undefined when it would take it. */
function problemOf(headers: IncomingHttpHeaders, body: unknown): string | undefined {
  if (!headers["content-type"]?.startsWith("application/json")) return "Content-Type must be application/json";
  if (typeof body !== "object" || body === null) return "Invalid JSON body";
  const b = body as Record<string, unknown>;
  if (typeof b.sender !== "string" || !/^(?=.*[A-Za-z])[A-Za-z0-9 ]{3,11}$|^[0-9]{3,15}$/.test(b.sender))
    return "sender is invalid";
  if (typeof b.recipient !== "string" || !/^[0-9]{6,15}$/.test(b.recipient)) return "recipient is invalid";
  if (typeof b.content !== "string" || b.content === "") return "content is missing";
  if (b.type !== undefined && b.type !== "transactional" && b.type !== "marketing") return "type is invalid";
  if (b.unicodeEnabled !== undefined && typeof b.unicodeEnabled !== "boolean") return "unicodeEnabled is invalid";
  return undefined;
}

function answer(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

/**
 * The DeliveryError a send ends with, failing the test if the SMS was accepted; it never names
 * the number nor quotes the text (personal data).
 */
export async function deliveryFailure(sending: Promise<void>): Promise<DeliveryError> {
  const error = await sending.then(
    () => {
      throw new Error("the SMS was accepted");
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DeliveryError);
  const message = (error as DeliveryError).message;
  expect(message).not.toContain("612345678");
  expect(message).not.toContain("rendez-vous");
  return error as DeliveryError;
}
