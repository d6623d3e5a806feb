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

export const signOut = action(async () => {
  const outcome: Outcome<unknown> = await send(() => postEmpty("/api/auth/logout"), 200);
  return json(outcome, { revalidate: [getMe.key] });
}, "staffSignOut");

export const signOutEverywhere = action(async () => {
  const outcome: Outcome<unknown> = await send(() => postEmpty("/api/auth/logout-everywhere"), 200);
  return json(outcome, { revalidate: [getMe.key] });
}, "staffSignOutEverywhere");

export const changePassword = action(async (currentPassword: string, newPassword: string) => {
  const outcome: Outcome<unknown> = await send(() => api.auth.password.$post({ json: { currentPassword, newPassword } }), 200);
  return json(outcome, { revalidate: [] });
}, "staffChangePassword");
