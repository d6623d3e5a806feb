import { action, json } from "@solidjs/router";
import { api, type Outcome, send } from "../../lib/api.ts";

/** What the server answers a request for one's links: the same, whether anything matched or not. */
export type LinksAsked = { message: string };

/**
 * Asks for new links to one's meetings to come, sent to `contact` (an e-mail address or a mobile
 * number). A 202 is the only success; a 422 names the field, a 429 says to wait.
 */
export const askForLinks = action(async (contact: string) => {
  const outcome: Outcome<LinksAsked> = await send(() => api.manage.lost.$post({ json: { contact } }), 202);
  return json(outcome, { revalidate: [] });
}, "askForLinks");
