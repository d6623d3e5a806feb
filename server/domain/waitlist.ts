// The waiting list's rules, pure: who may be offered a freed slot, for how long it is held for
// them, and what they gained. The features (features/waitlist/) find the people and the slots.
import type { Mode } from "./availability.ts";
import type { HalfDay } from "./half-days.ts";
import { addDays, isoWeekday, localDateOf, localInstant, wallClock } from "./time.ts";

/** Offers one person may receive for one meeting: past the third, they leave the list. */
export const MAX_OFFERS = 3;
/** One joins the list from a meeting only when it is further away than this: nearer, little is to gain. */
export const MIN_DAYS_AHEAD = 2;
/** Someone with no meeting waits this long at most, unless they chose a date. */
export const LONGEST_WAIT_DAYS = 365;

/**
 * How long a freed slot is held for the one it is offered to. By day, 15 minutes: long enough
 * to read an e-mail or a text and answer, short enough that a slot passed down a list of
 * people who do not answer still finds a taker the same morning. At night (20:00–08:00, the
 * quiet hours when no SMS goes), until 09:00: passing a slot on at night would spend the three
 * offers of people asleep and give it to whoever happens to be awake; held till 09:00, the
 * first in line has an hour after their 08:00 text.
 */
export const DAY_HOLD_MINUTES = 15;
const NIGHT_STARTS = 20;
const MORNING = 8;
const NIGHT_HOLD_ENDS = 9;
/** Less than this to answer is no offer: the slot stays for whoever books it. */
export const SHORTEST_HOLD_MINUTES = 10;

/**
 * When the hold of a slot offered now ends, or undefined when too little time is left to answer:
 * never later than the last moment the slot may be booked (its start less the offering's notice).
 */
export function holdEnds(now: Date, zone: string, slot: { start: Date; minNoticeMinutes: number }): Date | undefined {
  const { date, minutes } = wallClock(now, zone);
  const hour = Math.floor(minutes / 60);
  let ends: Date;
  if (hour >= MORNING && hour < NIGHT_STARTS) ends = new Date(now.getTime() + DAY_HOLD_MINUTES * 60_000);
  else {
    // The morning after, in local wall time: 09:00 of tomorrow when it is evening, of today after midnight.
    const day = hour >= NIGHT_STARTS ? addDays(date, 1) : date;
    ends = localInstant(day, NIGHT_HOLD_ENDS * 60, zone) ?? new Date(now.getTime() + DAY_HOLD_MINUTES * 60_000);
  }
  const lastBooking = slot.start.getTime() - slot.minNoticeMinutes * 60_000;
  const end = Math.min(ends.getTime(), lastBooking);
  return end - now.getTime() >= SHORTEST_HOLD_MINUTES * 60_000 ? new Date(end) : undefined;
}

/** The half-day a slot starts in, in the structure's zone. */
export function halfDayOf(start: Date, zone: string): HalfDay {
  const { date, minutes } = wallClock(start, zone);
  return `${isoWeekday(date)}${minutes < 12 * 60 ? "am" : "pm"}` as HalfDay;
}

/** What a person on the list asked for: when they can come, how, and until when they wait. */
export interface Wishes {
  halfDays: readonly string[];
  modes: readonly Mode[];
}

/** Whether a slot suits what the person said they can do (nothing said: anything suits). */
export function suits(wishes: Wishes, slot: { start: Date; mode: Mode }, zone: string): boolean {
  if (wishes.modes.length > 0 && !wishes.modes.includes(slot.mode)) return false;
  return wishes.halfDays.length === 0 || wishes.halfDays.includes(halfDayOf(slot.start, zone));
}

/** What the list knows of a waiting person when a slot frees. */
export interface Waiting extends Wishes {
  /** Their meeting's start, if they have one: only earlier time is worth offering. */
  meetingStart: Date | null;
  until: Date | null;
  offersSent: number;
  lastOfferAt: Date | null;
}

/**
 * Whether this person may be offered this slot now: it suits them, it is earlier than their
 * meeting, they still wait, and they have had fewer than three offers, none today (their
 * structure's day) — one a day at most, so that a list of people is not a stream of messages.
 */
export function mayOffer(person: Waiting, slot: { start: Date; mode: Mode }, now: Date, zone: string): boolean {
  if (person.offersSent >= MAX_OFFERS) return false;
  if (person.until && person.until.getTime() <= now.getTime()) return false;
  if (person.meetingStart && slot.start.getTime() >= person.meetingStart.getTime()) return false;
  if (person.lastOfferAt && localDateOf(person.lastOfferAt, zone) === localDateOf(now, zone)) return false;
  return suits(person, slot, zone);
}

/** Days gained by taking `taken` rather than waiting till `otherwise`, to a tenth. */
export function daysGained(otherwise: Date, taken: Date): number {
  return Math.round((otherwise.getTime() - taken.getTime()) / 8_640_000) / 10;
}

/** Why someone cannot join the list from their meeting, if they cannot. */
export function joinProblem(meeting: { start: Date; seats: number }, now: Date): string | undefined {
  if (meeting.seats > 1) return "Une séance collective n'a pas de liste d'attente : choisissez une autre séance.";
  if (meeting.start.getTime() - now.getTime() <= MIN_DAYS_AHEAD * 86_400_000)
    return `Votre rendez-vous est dans moins de ${MIN_DAYS_AHEAD} jours : il n'y a pas de liste d'attente pour l'avancer.`;
  return undefined;
}
