// What the slot step offers, computed from the API's answers: pure functions, tested alone.

import type { Place, Site, Slot, Structure } from "../../lib/api.ts";
import { dateOf, type LocalDate, timeOf, weekDays } from "../../lib/dates.ts";

/** One way to meet a structure: on one of its sites, by phone, or by video. */
export interface PlaceChoice {
  place: Place;
  /** The site, for a meeting on site. */
  site?: Site | undefined;
}

/** Every way a structure could receive: each of its sites, then phone, then video. */
export function placeCandidates(structure: Structure): PlaceChoice[] {
  return [
    ...structure.sites.map((site) => ({ place: { mode: "onsite" as const, site: site.id }, site })),
    { place: { mode: "phone" as const } },
    { place: { mode: "video" as const } },
  ];
}

/** « Sur place — APEC Lille — Euralille », « Par téléphone », « En visio »: a mode in words. */
export function placeName(choice: PlaceChoice): string {
  switch (choice.place.mode) {
    case "onsite":
      return `Sur place — ${choice.site?.name ?? "dans la structure"}`;
    case "phone":
      return "Par téléphone";
    case "video":
      return "En visio";
  }
}

/** « 25 avenue Willy Brandt, 59777 Lille ». */
export function siteAddress(site: Site): string {
  return `${site.address}, ${site.postcode} ${site.commune.name}`;
}

export function samePlace(a: Place, b: Place | undefined): boolean {
  return b !== undefined && a.mode === b.mode && (a.mode !== "onsite" || a.site === b.site);
}

/**
 * How the address names a chosen slot: its start instant in UTC, "20260330T0700Z". Not its key:
 * a key names an advisor, and the public list offers the least-booked advisor at each time, so
 * any booking may change the key offered at a time that is still free. The key to book is read
 * from the current list when booking.
 */
export function slotId(start: string): string {
  return `${new Date(start).toISOString().replace(/[-:]/g, "").slice(0, 13)}Z`;
}

export const SLOT_ID = /^\d{8}T\d{4}Z$/;

/** One radio button: a start time in the chosen place, whichever advisor is free then. */
export interface SlotChoice {
  /** The address's name for it (`slotId`). */
  id: string;
  /** The key to book: the first free advisor's slot. */
  key: string;
  /** Every slot starting then (one per free advisor). */
  keys: string[];
  start: string;
  end: string;
  /** Local "HH:MM". */
  time: string;
  seatsLeft: number;
}

export interface DayChoices {
  date: LocalDate;
  slots: SlotChoice[];
}

/**
 * The week from `monday`, day by day, with one choice per start time. Several advisors may be
 * free at the same time: the API lists one slot for each, the person sees one time, and the
 * first slot's key is kept. The slots are all of one place, so the start time alone tells them
 * apart (a phone slot's site, when it has one, does not matter to the person called).
 */
export function slotsByDay(slots: readonly Slot[], monday: LocalDate): DayChoices[] {
  const byStart = new Map<string, SlotChoice>();
  for (const slot of slots) {
    const known = byStart.get(slot.start);
    if (known) known.keys.push(slot.key);
    else {
      byStart.set(slot.start, {
        id: slotId(slot.start),
        key: slot.key,
        keys: [slot.key],
        start: slot.start,
        end: slot.end,
        time: timeOf(slot.start),
        seatsLeft: slot.seatsLeft,
      });
    }
  }
  const choices = [...byStart.values()].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  return weekDays(monday).map((date) => ({ date, slots: choices.filter((choice) => dateOf(choice.start) === date) }));
}

/**
 * The day a narrow screen shows of the week: the one the person picked, else the chosen slot's,
 * else the first with a free slot (the week's Monday when none has).
 */
export function shownDay(days: readonly DayChoices[], chosen: string | undefined, picked: LocalDate | undefined): LocalDate {
  const day =
    days.find((candidate) => candidate.date === picked) ??
    days.find((candidate) => candidate.slots.some((choice) => choice.id === chosen)) ??
    days.find((candidate) => candidate.slots.length > 0) ??
    days[0];
  return day?.date ?? "";
}
