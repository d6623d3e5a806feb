import type { Mode } from "../../../lib/api.ts";
import { MODES } from "./agenda-words.ts";

// « Lieu ou mode »: one choice that filters the agenda and the desk's slots by a site (on site
// there), by a way of meeting (on site anywhere, by phone, by video), or not at all. Written in
// the address as one value: "onsite", "phone", "video", or a site's id.

export type PlaceFilter = { mode?: Mode; site?: string };

const MODE_VALUES = Object.keys(MODES) as Mode[];

/** The filter a chosen value says; none for "" or a value no longer offered. */
export function placeFilterOf(value: string | undefined, sites: readonly { id: string }[]): PlaceFilter {
  if (!value) return {};
  if ((MODE_VALUES as string[]).includes(value)) return { mode: value as Mode };
  return sites.some((site) => site.id === value) ? { mode: "onsite", site: value } : {};
}

/** Whether a meeting or a free slot is held as the filter asks. */
export const keepsPlace = (filter: PlaceFilter, held: { mode: Mode; siteId: string | null }) =>
  (!filter.mode || held.mode === filter.mode) && (!filter.site || held.siteId === filter.site);

/**
 * The choices, in the order a caller asks: anywhere, then on site (anywhere, then each site),
 * then by phone, by video — only the ways `modes` allows; « Sur place » alone when one site.
 */
export function placeChoices(
  sites: readonly { id: string; name: string }[],
  modes: readonly Mode[] = MODE_VALUES,
): { value: string; label: string }[] {
  const choices = [{ value: "", label: "Tous les lieux et modes" }];
  if (modes.includes("onsite")) {
    if (sites.length !== 1) choices.push({ value: "onsite", label: `${MODES.onsite}, tous les lieux` });
    for (const site of sites) choices.push({ value: site.id, label: `${MODES.onsite} — ${site.name}` });
  }
  for (const mode of MODE_VALUES)
    if (mode !== "onsite" && modes.includes(mode)) choices.push({ value: mode, label: MODES[mode] });
  return choices;
}
