// The page of the private link keeps its state in the address, as the booking flow does: the
// move's place, week and slot, and which view is shown; that a move was made, in the history.

import type { LocalDate } from "../../lib/dates.ts";
import { manageHref } from "../../lib/private-link.ts";
import { bookingHref, type PlaceMode, readBookingState } from "../booking/booking-href.ts";

/** "deplacer": choose a new slot; "confirmer": confirm the chosen one. */
export type ManageView = "deplacer" | "confirmer";

export interface ManageState {
  view?: ManageView | undefined;
  mode?: PlaceMode | undefined;
  site?: string | undefined;
  week?: LocalDate | undefined;
  slot?: string | undefined;
}

/** What the move leaves in the history entry it returns to (`history.state`). */
export interface MovedState {
  moved: true;
}

/** The page of `token` showing `state`, its parameters always in the same order. */
export function manageStateHref(token: string, state: ManageState = {}): string {
  const params = new URLSearchParams();
  if (state.view) params.set("vue", state.view);
  // The booking flow's own order and checks for the shared parameters.
  const shared = new URLSearchParams(
    bookingHref({ mode: state.mode, site: state.site, week: state.week, slot: state.slot }).split("?")[1],
  );
  for (const [name, value] of shared) params.set(name, value);
  const search = params.toString();
  return search ? `${manageHref(token)}?${search}` : manageHref(token);
}

/** The state the address describes; malformed parameters are left out. */
export function readManageState(params: Partial<Record<string, string | string[]>>): ManageState {
  const { mode, site, week, slot } = readBookingState(params);
  const raw = Array.isArray(params.vue) ? params.vue[0] : params.vue;
  const view = raw === "deplacer" || raw === "confirmer" ? raw : undefined;
  return { view, mode, site, week, slot };
}

/**
 * How the person hears of a change made through the link: by e-mail, SMS, both, as their
 * contact stands (the server sends to the same); nothing when they gave neither.
 */
export function toldWords(person: { email: string | null; smsTo: string | null }): string {
  if (person.email && person.smsTo) return "Un courriel et un SMS vous le confirment.";
  if (person.email) return "Un courriel vous le confirme.";
  if (person.smsTo) return "Un SMS vous le confirme.";
  return "";
}
