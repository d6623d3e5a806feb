import { action, json, query } from "@solidjs/router";
import type { InferResponseType } from "hono/client";
import { ApiError, api, type Outcome, send } from "../../lib/api.ts";

// The staff area's calls: here rather than in lib/api.ts, so that they load with the staff
// pages and the public pages' bundle does not carry them.

export type StaffUser = InferResponseType<typeof api.auth.me.$get, 200>["user"];
export type Role = StaffUser["memberships"][number]["role"];

async function fetchMe(): Promise<StaffUser | null> {
  const response = await api.auth.me.$get();
  if (response.status === 200) return (await response.json()).user;
  if (response.status === 401) return null;
  // Typed as 200 or 401 only; a 500 or a proxy's 502 can still come.
  throw new ApiError(500, "Le service est momentanément indisponible. Réessayez dans quelques instants.");
}

/** The signed-in staff member; null when nobody is signed in (401). */
export const getMe = query(fetchMe, "staffMe");

/** A POST with an empty JSON body: the server refuses any state change that is not JSON. */
function postEmpty(path: string) {
  return fetch(path, { method: "POST", headers: { "content-type": "application/json" }, body: "{}", credentials: "same-origin" });
}

export const signIn = action(async (email: string, password: string) => {
  const outcome: Outcome<{ user: StaffUser }> = await send(() => api.auth.login.$post({ json: { email, password } }), 200);
  return json(outcome, { revalidate: outcome.kind === "done" ? [getMe.key] : [] });
}, "staffSignIn");

/** Whether ProConnect sign-in is on (its button shows only then); off when the answer does not come. */
export const getProConnect = query(async (): Promise<boolean> => {
  const response = await api.auth.oidc.$get();
  return response.status === 200 && (await response.json()).enabled;
}, "proConnectOn");

/** Starts a ProConnect sign-in: the provider's address to go to, or why not (ProConnect down: 503). */
export const startProConnect = action(async (retour: string) => {
  const outcome: Outcome<InferResponseType<typeof api.auth.oidc.start.$post, 200>> = await send(
    () => api.auth.oidc.start.$post({ json: { retour } }),
    200,
  );
  return json(outcome, { revalidate: [] });
}, "staffStartProConnect");

/** Ends the session; one opened with ProConnect gives the provider's address that ends its session too. */
export const signOut = action(async () => {
  const outcome: Outcome<InferResponseType<typeof api.auth.logout.$post, 200>> = await send(
    () => postEmpty("/api/auth/logout"),
    200,
  );
  return json(outcome, { revalidate: [getMe.key] });
}, "staffSignOut");

export const signOutEverywhere = action(async () => {
  const outcome: Outcome<InferResponseType<(typeof api.auth)["logout-everywhere"]["$post"], 200>> = await send(
    () => postEmpty("/api/auth/logout-everywhere"),
    200,
  );
  return json(outcome, { revalidate: [getMe.key] });
}, "staffSignOutEverywhere");

export const changePassword = action(async (currentPassword: string, newPassword: string) => {
  const outcome: Outcome<unknown> = await send(() => api.auth.password.$post({ json: { currentPassword, newPassword } }), 200);
  return json(outcome, { revalidate: [] });
}, "staffChangePassword");

export const requestPasswordReset = action(async (email: string) => {
  const outcome: Outcome<unknown> = await send(() => api.auth["password-reset"].$post({ json: { email } }), 200);
  return json(outcome, { revalidate: [] });
}, "staffRequestPasswordReset");

export type PasswordLink = InferResponseType<(typeof api.auth)["password-link"]["$post"], 200>;

/** What a password link is for (it is not spent by asking); null when it is unknown, used or expired (404). */
export const checkPasswordLink = query(async (token: string): Promise<PasswordLink | null> => {
  const response = await api.auth["password-link"].$post({ json: { token } });
  if (response.status === 200) return response.json();
  if (response.status === 404) return null;
  throw new ApiError(500, "Le service est momentanément indisponible. Réessayez dans quelques instants.");
}, "staffPasswordLink");

/** Spends a password link: the password is set and the server opens a session. "dead": the link went meanwhile (404). */
export const setPasswordWithLink = action(async (token: string, newPassword: string) => {
  let status = 0;
  const outcome: Outcome<unknown> = await send(async () => {
    const response = await api.auth["password-link"].use.$post({ json: { token, newPassword } });
    status = response.status;
    return response;
  }, 200);
  const result: Outcome<unknown> | { kind: "dead" } = status === 404 ? { kind: "dead" } : outcome;
  return json(result, { revalidate: outcome.kind === "done" ? [getMe.key] : [] });
}, "staffSetPasswordWithLink");

export type MembershipInvitation = InferResponseType<(typeof api.auth)["membership-invitation"]["$post"], 200>;

/**
 * What an invitation to join a structure offers (not accepted by asking); null when it is no
 * longer live (404). Its key must not start with « staffMe »: revalidating a key reloads every
 * query whose key starts with it, and accepting revalidates getMe.
 */
export const checkMembershipInvitation = query(async (token: string): Promise<MembershipInvitation | null> => {
  const response = await api.auth["membership-invitation"].$post({ json: { token } });
  if (response.status === 200) return response.json();
  if (response.status === 404) return null;
  throw new ApiError(500, "Le service est momentanément indisponible. Réessayez dans quelques instants.");
}, "joinInvitation");

/** Accepts an invitation (with a password when the address has none yet). "dead": it went meanwhile (404). */
export const acceptMembershipInvitation = action(async (token: string, newPassword: string | undefined) => {
  let status = 0;
  const outcome: Outcome<{ signedIn: boolean }> = await send(async () => {
    const response = await api.auth["membership-invitation"].accept.$post({
      json: { token, ...(newPassword !== undefined && { newPassword }) },
    });
    status = response.status;
    return response;
  }, 200);
  const result: Outcome<{ signedIn: boolean }> | { kind: "dead" } = status === 404 ? { kind: "dead" } : outcome;
  return json(result, { revalidate: outcome.kind === "done" ? [getMe.key] : [] });
}, "staffAcceptMembershipInvitation");
