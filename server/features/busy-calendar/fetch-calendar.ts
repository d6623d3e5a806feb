import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import type { Config } from "../../config.ts";
import { namesPrivateHost } from "../../domain/public-address.ts";
import { guardedLookup, PrivateAddressError } from "../../http/public-address.ts";

// One read of a published calendar over HTTP(S), by someone else's server: bounded in time and
// size, conditional (ETag, Last-Modified: a calendar that has not changed costs a 304), only
// towards public addresses (public-address.ts), and it tells an advisor in French what went wrong.

/** What a read failed on, said to the advisor. */
export class CalendarReadError extends Error {
  override name = "CalendarReadError";
}

export type Fetched = { kind: "unchanged" } | { kind: "read"; text: string; etag: string | null; lastModified: string | null };

const MAX_REDIRECTS = 3;

/**
 * The http(s) address a calendar application would read: `webcal://` and `webcals://` are
 * HTTP(S) under another name. Undefined for anything else, or a URL carrying a password.
 */
export function calendarAddress(raw: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(raw.trim().replace(/^webcals?:\/\//i, "https://"));
  } catch {
    return undefined;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return undefined;
  if (!url.hostname || url.username || url.password) return undefined;
  return url;
}

type Settings = Config["busyCalendars"];

/** Reads the calendar at `url`, unless unchanged since `known`. Throws CalendarReadError. */
export async function fetchCalendar(
  url: URL,
  known: { etag: string | null; lastModified: string | null },
  settings: Settings,
): Promise<Fetched> {
  const deadline = Date.now() + settings.timeoutMs;
  let current = url;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const answer = await get(current, known, settings, deadline);
    if (answer.kind !== "redirect") return answer;
    const next = calendarAddress(new URL(answer.location, current).href);
    if (!next)
      throw new CalendarReadError("L'adresse renvoie vers une adresse qui n'est pas un calendrier en ligne (http ou https).");
    current = next;
  }
  throw new CalendarReadError("L'adresse renvoie vers d'autres adresses, trop de fois : collez l'adresse finale du calendrier.");
}

type Answer = Fetched | { kind: "redirect"; location: string };

function get(url: URL, known: { etag: string | null; lastModified: string | null }, settings: Settings, deadline: number) {
  if (!settings.allowPrivate && namesPrivateHost(url)) return Promise.reject(privateAddress());
  const seconds = (settings.timeoutMs / 1000).toLocaleString("fr-FR");
  return new Promise<Answer>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
    };
    const fail = (error: unknown) => settle(() => reject(explained(error)));
    const request = (url.protocol === "https:" ? httpsRequest : httpRequest)(url, {
      method: "GET",
      lookup: guardedLookup(settings.allowPrivate),
      headers: {
        Accept: "text/calendar, */*;q=0.5",
        "User-Agent": "RDV-Orientation (agenda personnel)",
        ...(known.etag && { "If-None-Match": known.etag }),
        ...(known.lastModified && { "If-Modified-Since": known.lastModified }),
      },
    });
    const timer = setTimeout(
      () => {
        fail(new CalendarReadError(`Le calendrier n'a pas répondu en ${seconds} secondes.`));
        request.destroy();
      },
      Math.max(0, deadline - Date.now()),
    );
    request.on("error", fail);
    request.on("response", (response) => {
      const status = response.statusCode ?? 0;
      const location = response.headers.location;
      if (status === 200) {
        readBody(response, settings.maxBytes).then(
          (text) =>
            settle(() =>
              resolve({ kind: "read", text, etag: header(response, "etag"), lastModified: header(response, "last-modified") }),
            ),
          fail,
        );
        return;
      }
      response.resume();
      if (status === 304) settle(() => resolve({ kind: "unchanged" }));
      else if (status >= 300 && status < 400 && location) settle(() => resolve({ kind: "redirect", location }));
      else fail(new CalendarReadError(statusProblem(status)));
    });
    request.end();
  });
}

const header = (response: IncomingMessage, name: string) => {
  const value = response.headers[name];
  return typeof value === "string" && value.length <= 500 ? value : null;
};

/** The body as text, refused as soon as it passes `maxBytes` (a Content-Length saying so is refused at once). */
function readBody(response: IncomingMessage, maxBytes: number): Promise<string> {
  const size = maxBytes >= 1024 * 1024 ? `${Math.round(maxBytes / 1024 / 1024)} Mo` : `${Math.round(maxBytes / 1024)} Ko`;
  const tooBig = () =>
    new CalendarReadError(`Le calendrier dépasse ${size} : seuls les calendriers de moins de ${size} sont lus.`);
  return new Promise((resolve, reject) => {
    if (Number(response.headers["content-length"] ?? 0) > maxBytes) {
      response.destroy();
      return reject(tooBig());
    }
    const chunks: Buffer[] = [];
    let received = 0;
    response.on("data", (chunk: Buffer) => {
      received += chunk.length;
      if (received > maxBytes) {
        response.destroy();
        reject(tooBig());
      } else chunks.push(chunk);
    });
    response.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    response.on("error", reject);
  });
}

function statusProblem(status: number): string {
  if (status === 404 || status === 410) return `L'adresse répond ${status} : vérifiez qu'elle est toujours publiée.`;
  if (status === 401 || status === 403)
    return `L'adresse répond ${status} : le calendrier n'est plus publié, ou demande à se connecter. Publiez-le de nouveau et collez sa nouvelle adresse.`;
  if (status >= 500)
    return `L'adresse répond ${status} : le serveur du calendrier est en difficulté ; il sera relu dans 15 minutes.`;
  return `L'adresse répond ${status} au lieu d'envoyer le calendrier.`;
}

const privateAddress = () =>
  new CalendarReadError("L'adresse mène à un réseau privé ou local : seul un calendrier publié sur Internet peut être lu.");

function explained(error: unknown): CalendarReadError {
  if (error instanceof CalendarReadError) return error;
  if (error instanceof PrivateAddressError) return privateAddress();
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOTFOUND" || code === "EAI_AGAIN")
    return new CalendarReadError("Le serveur de cette adresse est introuvable : vérifiez l'adresse.");
  if (code?.startsWith("ERR_TLS") || code?.includes("CERT"))
    return new CalendarReadError("La connexion sécurisée au serveur du calendrier a échoué (certificat invalide).");
  return new CalendarReadError("Le serveur du calendrier n'a pas pu être joint : il sera relu dans 15 minutes.");
}
