import { DeliveryError } from "../mail/transport.ts";
import { readSmsUrl } from "./sms-url.ts";
import type { SendSms, SmsEnvelope, SmsTransportOptions } from "./transport.ts";

/**
 * Brevo's transactional SMS API (https://developers.brevo.com/docs/transactional-sms-endpoints):
 * one POST per SMS with the account's key in the `api-key` header, answered 201 with
 * `{ messageId }`, or an error status with `{ code, message }`.
 *
 * Failures are DeliveryErrors that say only the status and Brevo's code: Brevo's message may
 * quote the number or the text, and the error is stored and logged.
 */
export function brevoTransport(smsUrl: string, options: SmsTransportOptions = {}): SendSms {
  const read = readSmsUrl(smsUrl);
  // The configuration checked it at start: only a caller with an address of its own gets here.
  if (!read.ok) throw new Error(`SMS_URL ${read.problem}`);
  const { endpoint, apiKey, sender } = read.target;
  const post = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 15_000;
  return async (sms) => {
    const body = JSON.stringify(requestOf(sms, sender));
    let response: Response;
    try {
      response = await post(endpoint, {
        method: "POST",
        headers: { "api-key": apiKey, "content-type": "application/json", accept: "application/json" },
        body,
        // A redirect would carry the api-key header to wherever it points: refused instead.
        redirect: "manual",
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw unreached(error, timeoutMs);
    }
    if (!response.ok) throw await refusal(response);
    // Read to the end, so that the connection serves the next SMS; the SMS is taken whatever follows.
    await response.arrayBuffer().catch(() => undefined);
  };
}

const E164 = /^\+[1-9][0-9]{5,14}$/;

/** The body Brevo documents, from an SMS whose text the outbox already fitted to its segments. */
export function requestOf(sms: SmsEnvelope, sender: string) {
  if (!E164.test(sms.to)) throw new DeliveryError("destinataire hors du format E.164", false);
  return {
    sender,
    // Brevo wants the country code and number, without the "+".
    recipient: sms.to.slice(1),
    content: sms.text,
    // Confirmations and reminders: Brevo holds "marketing" SMS back from 22:00 to 8:00, on Sundays
    // and on French public holidays.
    type: "transactional",
    // Brevo takes no idempotency key: the outbox id, the same on every attempt, lets a duplicate
    // (an answer lost after Brevo took the SMS) be found in its logs, as a Message-ID does for e-mail.
    tag: sms.messageId,
    unicodeEnabled: sms.encoding === "UCS-2",
    // No organisationPrefix: Brevo would put it before the text, past the segments counted for it.
  };
}

/** No answer: refused, cut, or none in time. The SMS itself is not in question. */
function unreached(error: unknown, timeoutMs: number): DeliveryError {
  const e = error as { name?: unknown; cause?: { code?: unknown } };
  // Brevo may have taken the SMS before the time ran out: sent again, it arrives twice.
  if (e.name === "TimeoutError") return new DeliveryError(`Brevo : pas de réponse en ${timeoutMs} ms`, true, true);
  const code = typeof e.cause?.code === "string" && /^[A-Z0-9_]{1,40}$/.test(e.cause.code) ? e.cause.code : "erreur réseau";
  return new DeliveryError(`Brevo injoignable : ${code}`, true, true);
}

/** An answer other than 2xx, as a DeliveryError: transient or not, and when to try again. */
async function refusal(response: Response): Promise<DeliveryError> {
  const code = await brevoCode(response);
  const label = `Brevo ${response.status}${code ? ` ${code}` : ""}`;
  if (response.status === 429) {
    const retryAfterMs = retryAfterOf(response.headers);
    return new DeliveryError(
      retryAfterMs === undefined ? label : `${label} (nouvel essai dans ${retryAfterMs} ms)`,
      true,
      false,
      retryAfterMs,
    );
  }
  return new DeliveryError(label, isTransient(response.status, code));
}

/** Whether the same SMS may pass later, by the status and code Brevo answered. */
export function isTransient(status: number, code?: string): boolean {
  // Brevo's own trouble (5xx), or it gave up waiting for the request (408).
  if (status >= 500 || status === 408) return true;
  // Out of credits (402, or a 400 whose code says so, as Brevo also answers): credits are
  // bought, or topped up automatically, in Brevo's console with nothing to change here, so the
  // SMS caused meanwhile go once they are back, within the outbox's retries, instead of all
  // being lost for good until someone notices.
  if (status === 402 || code === "not_enough_credits") return true;
  // Any other 4xx — 400 a field refused, 401 a wrong key, 403 SMS not allowed for this account,
  // a redirect or 404 a wrong address — would be answered the same next time.
  return false;
}

// Brevo's codes are words ("invalid_parameter", "unauthorized", "not_enough_credits"); anything
// else is left out of the error rather than stored.
const CODE = /^[A-Za-z0-9_.-]{1,64}$/;

async function brevoCode(response: Response): Promise<string | undefined> {
  try {
    const body = (await response.json()) as { code?: unknown } | null;
    return typeof body?.code === "string" && CODE.test(body.code) ? body.code : undefined;
  } catch {
    return undefined;
  }
}

/**
 * How long Brevo asks to wait: Retry-After (seconds, or an HTTP date) when it sends one, else
 * its own x-sib-ratelimit-reset, the seconds till its rate window starts again
 * (https://developers.brevo.com/docs/limit-headers).
 */
export function retryAfterOf(headers: Headers, now = Date.now()): number | undefined {
  const retryAfter = headers.get("retry-after")?.trim();
  if (retryAfter && /^[0-9]+$/.test(retryAfter)) return Number(retryAfter) * 1000;
  const at = retryAfter ? Date.parse(retryAfter) : Number.NaN;
  if (!Number.isNaN(at)) return Math.max(0, at - now);
  const reset = headers.get("x-sib-ratelimit-reset")?.trim();
  if (reset && /^[0-9]+$/.test(reset)) return Number(reset) * 1000;
  return undefined;
}
