import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AppEnv, StaffDeps } from "../context.ts";
import { CLOSED_TO_TOKENS, tokenRefusal } from "../domain/api-permissions.ts";
import { AppError } from "../errors.ts";
import { readApiToken, tokenRateExceeded } from "./api-tokens.ts";
import { type Area, tokenPermission, tokenPermissionAt } from "./policy.ts";
import { Scope } from "./scope.ts";
import { ABSOLUTE_TIMEOUT_MS, readSession } from "./sessions.ts";

const secure = (c: Context<AppEnv>) => c.var.deps.config.publicUrl.startsWith("https://");

/** `__Host-` (Secure, no Domain, Path=/) behind HTTPS; a plain name over HTTP, for local use. */
const cookieName = (c: Context<AppEnv>, name: string) => (secure(c) ? `__Host-${name}` : name);
const SESSION = "rdv-session";
const DEVICE = "rdv-device";

export function setSessionCookie(c: Context<AppEnv>, token: string) {
  setCookie(c, cookieName(c, SESSION), token, {
    httpOnly: true,
    sameSite: "Lax",
    path: "/",
    secure: secure(c),
    maxAge: ABSOLUTE_TIMEOUT_MS / 1000,
  });
}

export function clearSessionCookie(c: Context<AppEnv>) {
  deleteCookie(c, cookieName(c, SESSION), { path: "/", secure: secure(c) });
}

/** The proofs of the accounts signed in from this browser (devices.ts). */
export const deviceCookie = (c: Context<AppEnv>) => getCookie(c, cookieName(c, DEVICE));

/** Kept a year, past signing out: it says the browser, not that someone is signed in. */
export function setDeviceCookie(c: Context<AppEnv>, proofs: string) {
  setCookie(c, cookieName(c, DEVICE), proofs, {
    httpOnly: true,
    sameSite: "Strict",
    path: "/",
    secure: secure(c),
    maxAge: 365 * 24 * 3600,
  });
}

/** The token of `Authorization: Bearer <token>` (RFC 6750), if the request has one. */
export const bearerToken = (c: Context) => /^Bearer\s+(\S+)\s*$/i.exec(c.req.header("authorization") ?? "")?.[1];

const PROCONNECT = "rdv-proconnect";

/**
 * Binds a ProConnect sign-in to the browser that started it: its state, and the staff page to
 * go back to. Lax, so that it comes back with the provider's redirect; a callback carrying
 * another state (someone else's code, sent to this browser) is refused.
 */
export function setProConnectCookie(c: Context<AppEnv>, attempt: { state: string; returnTo: string }) {
  const value = `${attempt.state}.${Buffer.from(attempt.returnTo).toString("base64url")}`;
  setCookie(c, cookieName(c, PROCONNECT), value, {
    httpOnly: true,
    sameSite: "Lax",
    path: "/",
    secure: secure(c),
    maxAge: 10 * 60,
  });
}

/** The ProConnect sign-in this browser started, if any (the page to go back to is still to check). */
export function proConnectCookie(c: Context<AppEnv>): { state: string; returnTo: string } | undefined {
  const [state, returnTo] = (getCookie(c, cookieName(c, PROCONNECT)) ?? "").split(".");
  return state ? { state, returnTo: Buffer.from(returnTo ?? "", "base64url").toString("utf8") } : undefined;
}

export function clearProConnectCookie(c: Context<AppEnv>) {
  deleteCookie(c, cookieName(c, PROCONNECT), { path: "/", secure: secure(c) });
}

/**
 * Reads who calls: an API token (`Authorization: Bearer`) into c.var.apiToken, else the staff
 * session's cookie into c.var.staff. A request with both acts as the token, and the cookie is
 * not read at all: the token is what a partner's system deliberately sent, and the origin check
 * (`sameOriginJson`) that a Bearer request skips must never let a cookie through. A token that
 * does not work is a 401 with `WWW-Authenticate: Bearer error="invalid_token"`, whatever the
 * route; one past its rate, a 429 with Retry-After.
 */
export const staffSession: MiddlewareHandler<AppEnv> = async (c, next) => {
  const { db, clock, config } = c.var.deps;
  const bearer = bearerToken(c);
  if (bearer !== undefined) {
    const now = clock.now();
    const caller = await readApiToken(db, bearer, now);
    if ("refused" in caller) {
      c.header("WWW-Authenticate", 'Bearer realm="rdv-orientation", error="invalid_token"');
      throw new AppError("UNAUTHENTICATED", caller.refused);
    }
    const wait = await tokenRateExceeded(db, caller.token.id, now, config.apiTokenRatePerMinute);
    if (wait !== undefined) {
      c.header("Retry-After", String(wait));
      throw new AppError(
        "RATE_LIMITED",
        `Ce jeton a fait plus de ${config.apiTokenRatePerMinute} requêtes en une minute. Réessayez dans ${wait} s.`,
      );
    }
    // Before the route reads the body: a permission missing is a 403 whatever was sent. Paths
    // closed to tokens are refused by their area (`requireArea`); public ones stay open.
    const needed = tokenPermissionAt(c.req.path, c.req.method);
    const refused = needed && tokenRefusal(caller.token.permissions, needed);
    if (refused) throw new AppError("FORBIDDEN", refused);
    c.set("apiToken", caller);
  } else {
    const token = getCookie(c, cookieName(c, SESSION));
    if (token) c.set("staff", await readSession(db, token, clock.now()));
  }
  await next();
};

/** The signed-in person: a session, never a token (a token has no account of its own to show or change). */
export function requireStaff(c: Context<AppEnv>) {
  const staff = c.var.staff;
  if (!staff && c.var.apiToken) throw new AppError("FORBIDDEN", CLOSED_TO_TOKENS);
  if (!staff) throw new AppError("UNAUTHENTICATED", "Connectez-vous pour continuer.");
  return staff;
}

/** The caller's scope (scope.ts), computed once per request: the signed-in user's, or a token's. */
export async function staffScope(c: Context<AppEnv>): Promise<Scope> {
  const caller = c.var.apiToken;
  const scope =
    c.var.scope ??
    (caller
      ? new Scope(caller.user, caller.roles, c.var.deps.db, caller.token)
      : await Scope.load(c.var.deps.db, requireStaff(c).user));
  c.set("scope", scope);
  return scope;
}

/**
 * The caller's scope, for a route of one area of the staff space. Someone whose roles do not
 * open that area at all gets a 403, and so does a token without the permission the route needs
 * (policy.ts `tokenPermission`); within it, each route then answers 404 for a record outside
 * their scope, so that guessing ids tells nothing.
 */
export async function requireArea(c: Context<AppEnv>, area: Area): Promise<Scope> {
  const scope = await staffScope(c);
  if (scope.token) {
    const refused = tokenRefusal(scope.token.permissions, tokenPermission(area, c.req.path, c.req.method));
    if (refused) throw new AppError("FORBIDDEN", refused);
  }
  if (!scope.areas().includes(area)) throw new AppError("FORBIDDEN", "Votre rôle ne donne pas accès à cet espace.");
  return scope;
}

/** A staff verb's dependencies (context.ts), for a route of one area of the staff space. */
export async function staffDeps(c: Context<AppEnv>, area: Area): Promise<StaffDeps> {
  const { db, clock, config } = c.var.deps;
  return { db, clock, config, scope: await requireArea(c, area) };
}

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Cross-site request forgery: a state-changing request must be JSON (a form or a text/plain
 * POST from another site cannot set that type without a preflight) and, when the browser says
 * where it comes from, come from here. A DELETE without a body needs no type: no form can send
 * a DELETE, and a script on another site cannot without a preflight.
 */
export const sameOriginJson: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (STATE_CHANGING.has(c.req.method)) {
    const bodiless = c.req.method === "DELETE" && !c.req.header("content-type") && !Number(c.req.header("content-length") ?? 0);
    if (!bodiless && !(c.req.header("content-type") ?? "").toLowerCase().startsWith("application/json")) {
      throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Le corps de la requête doit être au format JSON (application/json).");
    }
    // A Bearer request carries no ambient credential (its cookie is not read: `staffSession`),
    // so where it comes from proves nothing either way: a page elsewhere must hold the token.
    const origin = bearerToken(c) === undefined ? c.req.header("origin") : undefined;
    if (origin && origin !== "null") {
      const from = URL.canParse(origin) ? new URL(origin) : undefined;
      const sameHost = from?.host === c.req.header("host");
      const ours = from?.origin === new URL(c.var.deps.config.publicUrl).origin;
      if (!sameHost && !ours) throw new AppError("FORBIDDEN", "Cette demande vient d'un autre site : elle est refusée.");
    } else if (origin === "null") {
      throw new AppError("FORBIDDEN", "Cette demande vient d'une origine inconnue : elle est refusée.");
    }
  }
  await next();
};

/** The client's address, for throttling: the socket's, or X-Forwarded-For's behind TRUST_PROXY proxies. */
export function clientAddress(c: Context<AppEnv>): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return addressBehind(c.req.header("x-forwarded-for"), incoming?.socket?.remoteAddress ?? "local", c.var.deps.config.trustProxy);
}

/**
 * The client's address behind `hops` proxies of ours. Each proxy appends the address it was
 * reached from to X-Forwarded-For, so the trusted end of the list is its right: the address
 * `hops` entries back from the socket's is the one our first proxy saw. Whatever is further left
 * was written by the client and proves nothing. With fewer entries than hops, the leftmost.
 */
export function addressBehind(forwardedFor: string | undefined, socket: string, hops: number): string {
  if (hops === 0) return socket;
  const chain = [
    ...(forwardedFor ?? "")
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean),
    socket,
  ];
  return chain[Math.max(0, chain.length - 1 - hops)] ?? socket;
}

/** Runs a staff verb of one area, on the request's validated input: `verb({ ...deps, input })`. */
export async function act<T>(c: Context<AppEnv>, area: Area, verb: (deps: StaffDeps) => Promise<T>): Promise<T>;
export async function act<I, T>(
  c: Context<AppEnv>,
  area: Area,
  verb: (deps: StaffDeps & { input: I }) => Promise<T>,
  input: I,
): Promise<T>;
export async function act<I, T>(
  c: Context<AppEnv>,
  area: Area,
  verb: (deps: StaffDeps & { input: I }) => Promise<T>,
  input?: I,
): Promise<T> {
  // A verb without input ignores it (the first signature).
  return verb({ ...(await staffDeps(c, area)), input: input as I });
}

/** Answers « Fait. » (`{}`, the routes' `done`) once a verb with nothing to say is done. */
export async function whenDone(c: Context<AppEnv>, work: Promise<unknown>) {
  await work;
  return c.json({}, 200);
}
