// The booking flow keeps its whole state in the address, so that Back, reload and a shared link
// all show the same step. This module is small and free of components: the home page links here.

import type { LocalDate } from "../../lib/dates.ts";
import { isLocalDate, mondayOf } from "../../lib/dates.ts";
import { SLOT_ID } from "./slot-choices.ts";

export type PlaceMode = "onsite" | "phone" | "video";

export interface BookingState {
  /** Service slug. */
  service?: string | undefined;
  /** INSEE code of the person's commune. */
  commune?: string | undefined;
  /** Structure id. */
  structure?: string | undefined;
  mode?: PlaceMode | undefined;
  /** Site id, for a meeting on site. */
  site?: string | undefined;
  /** Monday of the week shown. */
  week?: LocalDate | undefined;
  /** The chosen slot, by its start (`slotId`): the key to book is read from the list when booking. */
  slot?: string | undefined;
  /** "1": back to the first step to change the need or the commune; "3": the person's details; "4": review and confirm. */
  step?: "1" | "3" | "4" | undefined;
}

const ORDER = ["service", "commune", "structure", "mode", "site", "week", "slot", "step"] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const VALID: { [K in keyof BookingState]-?: (value: string) => boolean } = {
  service: (value) => /^[a-z0-9-]{1,80}$/.test(value),
  commune: (value) => /^(\d{5}|2[AB]\d{3})$/.test(value),
  structure: (value) => UUID.test(value),
  mode: (value) => value === "onsite" || value === "phone" || value === "video",
  site: (value) => UUID.test(value),
  week: isLocalDate,
  slot: (value) => SLOT_ID.test(value),
  step: (value) => value === "1" || value === "3" || value === "4",
};

/** The booking page's address for `state`, its parameters always in the same order. */
export function bookingHref(state: BookingState = {}): string {
  const params = new URLSearchParams();
  for (const name of ORDER) {
    const value = state[name];
    if (value) params.set(name, value);
  }
  const search = params.toString();
  return search ? `/rendez-vous?${search}` : "/rendez-vous";
}

/**
 * The state the address describes. A malformed parameter (a hand-edited or truncated link) is
 * left out rather than sent to the API; a week is moved to its Monday.
 */
export function readBookingState(params: Partial<Record<string, string | string[]>>): BookingState {
  const state: BookingState = {};
  for (const name of ORDER) {
    const raw = params[name];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value && VALID[name](value)) (state as Record<string, string>)[name] = value;
  }
  if (state.week) state.week = mondayOf(state.week);
  // A site only makes sense on site.
  if (state.mode !== "onsite") delete state.site;
  return state;
}
