import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { namesPrivateHost } from "../domain/public-address.ts";
import { guardedLookup, PrivateAddressError } from "../http/public-address.ts";

/** What a receiver answered: its HTTP status, or why none came. */
export type PostResult = { status: number; error: null } | { status: null; error: string };

/**
 * A receiver slower than this, from the connection to the answer's last byte, is counted as
 * down: Standard Webhooks asks receivers to answer quickly.
 */
export const POST_TIMEOUT_MS = 10_000;
/** What is read of an answer before the connection is dropped: its body is never kept. */
const MAX_ANSWER_BYTES = 4_096;

/**
 * POSTs a body to a receiver and says what it answered. The connection goes only to an address
 * the guard accepts (a literal IP in the URL checked here, a name at its lookup), redirects are
 * not followed (a 3xx is a failure), and an answer is read no further than a few KiB.
 */
export function postWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
  options: { allowPrivate: boolean; timeoutMs?: number },
): Promise<PostResult> {
  return new Promise((resolve) => {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return resolve({ status: null, error: "adresse invalide" });
    }
    if (!options.allowPrivate && namesPrivateHost(target)) {
      return resolve({ status: null, error: "adresse privée ou locale refusée" });
    }
    const send = target.protocol === "https:" ? httpsRequest : httpRequest;
    const timeoutMs = options.timeoutMs ?? POST_TIMEOUT_MS;
    let settled = false;
    const finish = (result: PostResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      resolve(result);
    };
    // One deadline for the whole exchange, not a socket's silence: a receiver trickling its
    // headers or its body a byte at a time would otherwise hold the attempt, and its worker's
    // batch, past the claim's lease. Settled before the destroy, whose close would read as an answer.
    const deadline = setTimeout(() => {
      finish({
        status: null,
        error: `délai dépassé : pas de réponse complète en ${(timeoutMs / 1000).toLocaleString("fr-FR")} s`,
      });
      req.destroy();
    }, timeoutMs);
    const req = send(
      target,
      {
        method: "POST",
        headers: { ...headers, "content-length": String(Buffer.byteLength(body)), "user-agent": "RDV-Orientation-Webhooks/1" },
        lookup: guardedLookup(options.allowPrivate),
      },
      (res) => {
        let read = 0;
        res.on("data", (chunk: Buffer) => {
          read += chunk.length;
          if (read > MAX_ANSWER_BYTES) res.destroy();
        });
        const status = res.statusCode ?? 0;
        res.on("end", () => finish({ status, error: null }));
        res.on("close", () => finish({ status, error: null }));
        res.on("error", () => finish({ status, error: null }));
      },
    );
    req.on("error", (error: NodeJS.ErrnoException) => finish({ status: null, error: describe(error) }));
    req.end(body);
  });
}

/** A connection's failure in a few French words, for the delivery log. */
function describe(error: NodeJS.ErrnoException): string {
  if (error instanceof PrivateAddressError || error.code === "EPRIVATEADDRESS") return "adresse privée ou locale refusée";
  switch (error.code) {
    case "ECONNREFUSED":
      return "connexion refusée";
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return "nom de serveur introuvable";
    case "ECONNRESET":
      return "connexion interrompue";
    case "ETIMEDOUT":
      return "délai de connexion dépassé";
    default:
      return error.code?.startsWith("ERR_TLS") || error.code?.includes("CERT") ? "certificat refusé" : "échec de la connexion";
  }
}
