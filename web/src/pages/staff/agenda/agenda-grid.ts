import { dateOf, type LocalDate, timeOf } from "../../../lib/dates.ts";
import { takesDay } from "./agenda-words.ts";

// Where a meeting, a free slot or an absence goes in the agenda's time grid (hours down, one
// column per day or per advisor). The API writes every instant with its structure's offset
// ("2026-03-30T09:00:00+02:00"), so the wall clock of the structure is read from the text: no
// Date, no browser zone, and a week across a daylight-saving change keeps 9 h at 9 h.

const DAY_MINUTES = 24 * 60;

/** Something with a start and an end, ISO 8601 with its zone's offset. */
export interface Span {
  start: string;
  end: string;
}

/**
 * A span placed on a day: minutes after the day's local midnight (cut to the day), and which of
 * the `lanes` side by side it takes among the spans it overlaps.
 */
export interface Placed<T extends Span> {
  item: T;
  top: number;
  bottom: number;
  lane: number;
  lanes: number;
}

/** The minutes after `day`'s local midnight at which an instant falls on the wall clock, cut to the day. */
export function minuteOn(day: LocalDate, iso: string): number {
  const date = dateOf(iso);
  if (date < day) return 0;
  if (date > day) return DAY_MINUTES;
  const [hours = 0, minutes = 0] = timeOf(iso).split(":").map(Number);
  return hours * 60 + minutes;
}

/**
 * The spans taking some of `day`, placed: by the wall clock of their offsets, overlapping ones
 * side by side (each group of spans that overlap one another shares its lanes).
 *
 * The night the clocks go back, 2 h to 3 h happens twice and the grid draws it once: a span whose
 * wall-clock end is not after its start (02:30+02:00 → 02:15+01:00) keeps its real length.
 */
export function placeOnDay<T extends Span>(day: LocalDate, items: readonly T[]): Placed<T>[] {
  const placed = items
    .filter((item) => takesDay(day, item.start, item.end))
    .map((item): Placed<T> => {
      const top = minuteOn(day, item.start);
      let bottom = minuteOn(day, item.end);
      if (bottom <= top)
        bottom = Math.min(DAY_MINUTES, top + Math.round((Date.parse(item.end) - Date.parse(item.start)) / 60_000));
      return { item, top, bottom, lane: 0, lanes: 1 };
    })
    .sort((a, b) => a.top - b.top || b.bottom - a.bottom);

  let group: Placed<T>[] = [];
  let groupEnd = -1;
  let laneEnds: number[] = [];
  const close = () => {
    for (const member of group) member.lanes = laneEnds.length;
    group = [];
    laneEnds = [];
  };
  for (const span of placed) {
    if (span.top >= groupEnd) close();
    const free = laneEnds.findIndex((end) => end <= span.top);
    span.lane = free === -1 ? laneEnds.length : free;
    laneEnds[span.lane] = span.bottom;
    group.push(span);
    groupEnd = group.length === 1 ? span.bottom : Math.max(groupEnd, span.bottom);
  }
  close();
  return placed;
}

/** A span from one midnight to the next: a day off, a day busy elsewhere, drawn over the hours shown. */
export const takesWholeDay = (span: { top: number; bottom: number }) => span.top === 0 && span.bottom === DAY_MINUTES;

/** The hours a grid shows: office hours, widened to whole hours around what it must show. */
export function hourRange(spans: readonly { top: number; bottom: number }[], office = { from: 8, to: 18 }) {
  let from = office.from;
  let to = office.to;
  for (const span of spans) {
    from = Math.min(from, Math.floor(span.top / 60));
    to = Math.max(to, Math.ceil(span.bottom / 60));
  }
  return { from, to };
}

/**
 * Where a placed span is drawn in a column showing the hours `range`, in percent of the
 * column: cut to the hours shown, with a sliver at least so that a span at the edge is seen.
 * Null when it is wholly outside them.
 */
export function boxOf(span: Pick<Placed<Span>, "top" | "bottom" | "lane" | "lanes">, range: { from: number; to: number }) {
  const first = range.from * 60;
  const last = range.to * 60;
  if (span.bottom <= first || span.top >= last) return null;
  const top = Math.max(span.top, first);
  const bottom = Math.min(span.bottom, last);
  const length = last - first;
  return {
    top: ((top - first) / length) * 100,
    height: (Math.max(bottom - top, 5) / length) * 100,
    left: (span.lane / span.lanes) * 100,
    width: 100 / span.lanes,
  };
}

/**
 * Placed spans joined where they touch or overlap, by time only: the free time of a column,
 * drawn behind its meetings as bands (a team's week holds hundreds of free slots, which side
 * by side would leave the meetings no width).
 */
export function joinedSpans(spans: readonly { top: number; bottom: number }[]): { top: number; bottom: number }[] {
  const joined: { top: number; bottom: number }[] = [];
  for (const span of [...spans].sort((a, b) => a.top - b.top)) {
    const last = joined.at(-1);
    if (last && span.top <= last.bottom) last.bottom = Math.max(last.bottom, span.bottom);
    else joined.push({ top: span.top, bottom: span.bottom });
  }
  return joined;
}

/** A meeting as the grid draws it: alone, or a collective session's seats as one block. */
export type Meeting<M> = Span & ({ kind: "appointment"; appointment: M } | { kind: "session"; appointments: M[] });

/**
 * The meetings of a session (one advisor, one time, one service of several seats) as one block
 * (« 3/8 places »), its cancelled seats left out; every other meeting as itself.
 */
export function meetingBlocks<
  M extends Span & { seats: number; status: string; advisor: { id: string }; service: { name: string } },
>(appointments: readonly M[]): Meeting<M>[] {
  const sessions = new Map<string, M[]>();
  const blocks: Meeting<M>[] = [];
  for (const appointment of appointments) {
    if (appointment.seats <= 1) {
      blocks.push({ kind: "appointment", start: appointment.start, end: appointment.end, appointment });
      continue;
    }
    if (appointment.status === "cancelled") continue;
    const key = `${appointment.advisor.id}|${appointment.start}|${appointment.service.name}`;
    const seats = sessions.get(key);
    if (seats) seats.push(appointment);
    else {
      const group = [appointment];
      sessions.set(key, group);
      blocks.push({ kind: "session", start: appointment.start, end: appointment.end, appointments: group });
    }
  }
  return blocks;
}
