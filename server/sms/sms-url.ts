/**
 * SMS_URL names the SMS provider, its credentials and the sender in one value, as SMTP_URL
 * does for e-mail:
 *
 *   brevo://API-KEY@api.brevo.com?sender=RDVOrient        Brevo, over HTTPS
 *   brevo+http://API-KEY@127.0.0.1:8025?sender=RDVOrient  a stand-in on this machine (tests)
 *
 * Read here once for the configuration (a bad value stops the start, naming SMS_URL) and for
 * the transport, so that both agree.
 */

/** Where a message is posted, with what key, and the name the phones show. */
export interface BrevoTarget {
  endpoint: string;
  apiKey: string;
  sender: string;
}

export type SmsUrl = { ok: true; target: BrevoTarget } | { ok: false; problem: string };

/** Brevo's transactional SMS endpoint (`/v3/transactionalSMS/sms` is deprecated since 2025-05). */
export const BREVO_SEND_PATH = "/v3/transactionalSMS/send";

const FORM = "doit être de la forme brevo://CLÉ-API@api.brevo.com?sender=EXPÉDITEUR";

// Brevo's limits on a sender: 11 characters when alphanumeric, 15 when digits only. A name
// needs a letter: operators take an all-digit sender for a phone number.
const SENDER = /^(?=.*[A-Za-z])[A-Za-z0-9]{3,11}$|^[0-9]{3,15}$/;
// Sent as a header: visible ASCII only, or fetch refuses it at every attempt.
const API_KEY = /^[\x21-\x7e]+$/;
// Plain HTTP would carry the API key across the network in clear: only to this machine.
const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** Reads SMS_URL; a problem is phrased to follow the variable's name, in French. */
export function readSmsUrl(value: string): SmsUrl {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, problem: FORM };
  }
  const scheme = { "brevo:": "https:", "brevo+http:": "http:" }[url.protocol];
  if (!scheme) {
    return { ok: false, problem: "doit commencer par brevo:// (ou brevo+http://, en clair, vers cette machine pour un essai)" };
  }
  if (!url.hostname) return { ok: false, problem: FORM };
  if (scheme === "http:" && !LOOPBACK.has(url.hostname)) {
    return {
      ok: false,
      problem:
        "ne peut être en clair (brevo+http://) que vers cette machine (127.0.0.1, localhost) : la clé API passerait en clair",
    };
  }
  const apiKey = decoded(url.username);
  if (!apiKey || url.password || !API_KEY.test(apiKey)) {
    return { ok: false, problem: `doit porter la clé API de Brevo avant le @ (${FORM.replace("doit être de la forme ", "")})` };
  }
  const unknown = [...url.searchParams.keys()].find((name) => name !== "sender");
  if (unknown) return { ok: false, problem: `ne prend que le paramètre sender (reçu : « ${unknown} »)` };
  const sender = url.searchParams.get("sender") ?? "";
  if (!SENDER.test(sender)) {
    return {
      ok: false,
      problem: "doit nommer l'expéditeur (?sender=…) : 3 à 11 lettres ou chiffres dont une lettre, ou jusqu'à 15 chiffres",
    };
  }
  // A path is kept as a prefix (an outgoing proxy's), before Brevo's own.
  const endpoint = `${scheme}//${url.host}${url.pathname.replace(/\/+$/, "")}${BREVO_SEND_PATH}`;
  return { ok: true, target: { endpoint, apiKey, sender } };
}

function decoded(part: string): string | undefined {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}
