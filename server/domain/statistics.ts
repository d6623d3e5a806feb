// The coordination figures, from facts the database groups for us: pure sums, rates, medians and
// the masking of small counts. No HTTP, no database: the dashboards, their CSV exports and the
// public statistics all read the same numbers from here.

import { mask, type Relation, rate, SMALLEST_SHOWN, shownRate, suppress } from "./secrecy.ts";

export { type Relation, rate, SMALLEST_SHOWN, suppress };

/** A histogram of whole numbers (value → how many); the median reads it without a sorted list. */
export type Histogram = Map<number, number>;

const addTo = (into: Histogram, value: number, count: number) => into.set(value, (into.get(value) ?? 0) + count);

export function histogramSize(histogram: Histogram): number {
  let n = 0;
  for (const count of histogram.values()) n += count;
  return n;
}

/** The median of a histogram; null for fewer than `smallest` values (one person's delay is theirs). */
export function median(histogram: Histogram, smallest = SMALLEST_SHOWN): number | null {
  const n = histogramSize(histogram);
  if (n === 0 || n < smallest) return null;
  const values = [...histogram.keys()].sort((a, b) => a - b);
  const at = (rank: number) => {
    let seen = 0;
    for (const value of values) {
      seen += histogram.get(value) ?? 0;
      if (seen > rank) return value;
    }
    return values.at(-1) as number;
  };
  return n % 2 === 1 ? at((n - 1) / 2) : (at(n / 2 - 1) + at(n / 2)) / 2;
}

// ------------------------------------------------------------------ appointments

export type Channel = "online" | "reception" | "referral" | "advisor";
export type Outcome = "honoured" | "no_show" | "excused";
export const CHANNELS: readonly Channel[] = ["online", "reception", "referral", "advisor"];

/**
 * Where an appointment counts: its structure and site (null for a phone or video meeting), its
 * service and its month (Europe/Paris, "YYYY-MM").
 */
export interface Place {
  structureId: string;
  siteId: string | null;
  serviceId: string;
  month: string;
}

/** Appointments sharing every field, counted: what the database's GROUP BY returns. */
export interface AppointmentFact extends Place {
  cancelled: boolean;
  outcome: Outcome | null;
  channel: Channel;
  /** Whole days between booking and start. */
  leadDays: number;
  count: number;
}

/** Minutes of a place: booked (a collective session counted once) or offered (the ranges open). */
export interface MinutesFact {
  structureId: string;
  /** Null: a remote range or meeting. */
  siteId: string | null;
  /** Null: every service at once (a range opening three services counts once, not three times). */
  serviceId: string | null;
  month: string;
  minutes: number;
}

export interface Activity {
  /** Every appointment taken for the period, cancelled ones included. */
  booked: number;
  honoured: number;
  noShow: number;
  excused: number;
  cancelled: number;
  /** Not cancelled, no outcome marked (yet). */
  unmarked: number;
  channels: Record<Channel, number>;
  /** Booking to start, of the appointments not cancelled. */
  leadDays: Histogram;
  bookedMinutes: number;
  offeredMinutes: number;
}

export const emptyActivity = (): Activity => ({
  booked: 0,
  honoured: 0,
  noShow: 0,
  excused: 0,
  cancelled: 0,
  unmarked: 0,
  channels: { online: 0, reception: 0, referral: 0, advisor: 0 },
  leadDays: new Map(),
  bookedMinutes: 0,
  offeredMinutes: 0,
});

/**
 * Sums the facts into one Activity per group. `groupsOf` names the groups a place counts in
 * (a structure with sites in two territories counts in both; none leaves the fact out). Minutes
 * facts are read per service when `perService`, else the all-services ones.
 */
export function summariseActivity(
  facts: {
    appointments: readonly AppointmentFact[];
    bookedMinutes: readonly MinutesFact[];
    offeredMinutes: readonly MinutesFact[];
  },
  groupsOf: (place: Place | Omit<MinutesFact, "minutes">) => readonly string[],
  perService: boolean,
): Map<string, Activity> {
  const groups = new Map<string, Activity>();
  const get = (key: string) => {
    const activity = groups.get(key) ?? emptyActivity();
    groups.set(key, activity);
    return activity;
  };
  for (const fact of facts.appointments) {
    for (const key of groupsOf(fact)) {
      const a = get(key);
      a.booked += fact.count;
      a.channels[fact.channel] += fact.count;
      if (fact.cancelled) {
        a.cancelled += fact.count;
        continue;
      }
      addTo(a.leadDays, fact.leadDays, fact.count);
      if (fact.outcome === "honoured") a.honoured += fact.count;
      else if (fact.outcome === "no_show") a.noShow += fact.count;
      else if (fact.outcome === "excused") a.excused += fact.count;
      else a.unmarked += fact.count;
    }
  }
  const minutes = (list: readonly MinutesFact[], field: "bookedMinutes" | "offeredMinutes") => {
    for (const fact of list) {
      if ((fact.serviceId !== null) !== perService) continue;
      for (const key of groupsOf(fact)) get(key)[field] += fact.minutes;
    }
  };
  minutes(facts.bookedMinutes, "bookedMinutes");
  minutes(facts.offeredMinutes, "offeredMinutes");
  return groups;
}

const COUNTS = [
  "booked",
  "honoured",
  "noShow",
  "excused",
  "unmarked",
  "cancelled",
  "online",
  "reception",
  "referral",
  "advisor",
] as const;
type CountName = (typeof COUNTS)[number];
const OUTCOME_PARTS: readonly CountName[] = ["honoured", "noShow", "excused", "unmarked", "cancelled"];
const CHANNEL_PARTS: readonly CountName[] = ["online", "reception", "referral", "advisor"];

const countsOf = (a: Activity): Record<CountName, number> => ({
  booked: a.booked,
  honoured: a.honoured,
  noShow: a.noShow,
  excused: a.excused,
  unmarked: a.unmarked,
  cancelled: a.cancelled,
  ...a.channels,
});

/** Rows breaking a total down; `splitTotal` when each appointment is in one row (months, networks…). */
export interface ActivityRows {
  rows: readonly Activity[];
  splitTotal: boolean;
}

/**
 * Tables of activity as shown outside a structure: a total and its breakdowns, masked together
 * so that no two of them can be played against each other. Each row's outcomes and channels add
 * up to its appointments and, when a breakdown's rows split the total, each column adds up to
 * the total's; cells are masked so that none can be worked out (`mask`). A rate over a masked
 * term is rounded so as to tell nothing more (`shownRate`), a median given over 5 values or more.
 */
export function shownActivityTable(total: Activity, breakdowns: readonly ActivityRows[]) {
  const all = [total, ...breakdowns.flatMap((b) => b.rows)];
  const cells = all.flatMap((a) => COUNTS.map((name) => countsOf(a)[name]));
  const at = (row: number, name: CountName) => row * COUNTS.length + COUNTS.indexOf(name);
  const relations: Relation[] = all.flatMap((_, r) => [
    { whole: at(r, "booked"), parts: OUTCOME_PARTS.map((name) => at(r, name)) },
    { whole: at(r, "booked"), parts: CHANNEL_PARTS.map((name) => at(r, name)) },
  ]);
  let first = 1;
  const rowsOf = breakdowns.map(({ rows, splitTotal }) => {
    const indexes = rows.map((_, i) => first + i);
    first += rows.length;
    if (splitTotal && rows.length > 1) {
      for (const name of COUNTS) relations.push({ whole: at(0, name), parts: indexes.map((r) => at(r, name)) });
    }
    return indexes;
  });
  const { hidden, known } = mask(cells, relations);
  const shown = all.map((a, r) => {
    const count = (name: CountName) => (hidden[at(r, name)] ? null : countsOf(a)[name]);
    const noShows = shownRate(known, [at(r, "noShow")], [at(r, "honoured"), at(r, "excused")]);
    return {
      booked: count("booked"),
      honoured: count("honoured"),
      noShow: count("noShow"),
      excused: count("excused"),
      cancelled: count("cancelled"),
      unmarked: count("unmarked"),
      channels: {
        online: count("online"),
        reception: count("reception"),
        referral: count("referral"),
        advisor: count("advisor"),
      },
      /** No-shows among the appointments whose outcome was marked (rounded where a term is masked). */
      noShowRate: noShows.rate,
      /** The rate rests on a masked count: rounded (secrecy.ts `shownRate`), to be read as « about ». */
      noShowRateRounded: noShows.rounded,
      // The time booked says how many meetings of a known length were booked: masked with their count.
      /** Share of the offered time that was booked. */
      occupancy:
        a.offeredMinutes > 0 && count("booked") !== null ? Math.round((a.bookedMinutes / a.offeredMinutes) * 1000) / 1000 : null,
      bookedHours: count("booked") === null ? null : Math.round(a.bookedMinutes / 6) / 10,
      offeredHours: Math.round(a.offeredMinutes / 6) / 10,
      medianLeadDays: median(a.leadDays),
    };
  });
  return {
    total: shown[0] as (typeof shown)[number],
    breakdowns: rowsOf.map((indexes) => indexes.map((r) => shown[r] as (typeof shown)[number])),
  };
}
export type ShownActivity = ReturnType<typeof shownActivityTable>["total"];

// ------------------------------------------------------------------ waiting time

/** The next free slot of a service in a structure, as recorded one day. */
export interface WaitingFact {
  day: string;
  structureId: string;
  serviceId: string;
  takenAt: Date;
  nextSlotAt: Date | null;
}

/** Days from the snapshot to the slot, to the tenth. */
const waitDays = (f: WaitingFact) =>
  f.nextSlotAt === null ? null : Math.round((f.nextSlotAt.getTime() - f.takenAt.getTime()) / 8_640_000) / 10;

/**
 * Per group and day, the wait for the earliest free slot among the group's structures: what a
 * person searching that territory (or network…) would have found that day. Null when none of
 * them had a free slot within its horizon.
 */
export function waitingSeries(
  facts: readonly WaitingFact[],
  groupsOf: (fact: WaitingFact) => readonly string[],
): Map<string, { day: string; days: number | null }[]> {
  const best = new Map<string, Map<string, number | null>>();
  for (const fact of facts) {
    const days = waitDays(fact);
    for (const key of groupsOf(fact)) {
      const byDay = best.get(key) ?? new Map<string, number | null>();
      best.set(key, byDay);
      const known = byDay.get(fact.day);
      if (known === undefined || known === null || (days !== null && days < known)) byDay.set(fact.day, days);
    }
  }
  const series = new Map<string, { day: string; days: number | null }[]>();
  for (const [key, byDay] of best) {
    series.set(
      key,
      [...byDay].sort(([a], [b]) => (a < b ? -1 : 1)).map(([day, days]) => ({ day, days })),
    );
  }
  return series;
}

/** The last value of a series and its average over the days that had a slot. */
export function waitingSummary(series: readonly { day: string; days: number | null }[]) {
  const known = series.flatMap((p) => (p.days === null ? [] : [p.days]));
  return {
    latest: series.at(-1)?.days ?? null,
    average: known.length ? Math.round((known.reduce((sum, d) => sum + d, 0) / known.length) * 10) / 10 : null,
    /** Days of the period on which no slot at all was free. */
    daysWithout: series.length - known.length,
  };
}

// ------------------------------------------------------------------ referrals

export type ReferralStatus = "sent" | "accepted" | "declined" | "redirected" | "booked" | "expired";

export interface ReferralFact {
  fromStructureId: string;
  toStructureId: string;
  status: ReferralStatus;
  /** Whole days from the referral to its appointment's start; null without one (or cancelled). */
  daysToAppointment: number | null;
  outcome: Outcome | null;
}

export interface ReferralFigures {
  total: number;
  byStatus: Record<ReferralStatus, number>;
  daysToAppointment: Histogram;
  outcomes: Record<Outcome, number>;
}

export function summariseReferrals(facts: readonly ReferralFact[]): ReferralFigures {
  const figures: ReferralFigures = {
    total: 0,
    byStatus: { sent: 0, accepted: 0, declined: 0, redirected: 0, booked: 0, expired: 0 },
    daysToAppointment: new Map(),
    outcomes: { honoured: 0, no_show: 0, excused: 0 },
  };
  for (const f of facts) {
    figures.total += 1;
    figures.byStatus[f.status] += 1;
    if (f.daysToAppointment !== null) addTo(figures.daysToAppointment, f.daysToAppointment, 1);
    if (f.outcome) figures.outcomes[f.outcome] += 1;
  }
  return figures;
}

const STATUSES: readonly ReferralStatus[] = ["sent", "accepted", "booked", "declined", "redirected", "expired"];

/**
 * Referral figures shown outside a structure: the states add up to the total, and so do the
 * flows (each referral is in one flow), so they are masked together (`suppress`).
 */
export function shownReferrals(r: ReferralFigures, flowCounts: readonly (readonly number[])[] = []) {
  const cells = [r.total, ...STATUSES.map((s) => r.byStatus[s]), r.outcomes.honoured, r.outcomes.no_show, r.outcomes.excused];
  const relations: Relation[] = [{ whole: 0, parts: STATUSES.map((_, i) => i + 1) }];
  for (const counts of flowCounts) {
    const first = cells.length;
    cells.push(...counts);
    relations.push({ whole: 0, parts: counts.map((_, i) => first + i) });
  }
  const { hidden, known } = mask(cells, relations);
  const count = (i: number) => (hidden[i] ? null : (cells[i] as number));
  const cellOf = (s: ReferralStatus) => STATUSES.indexOf(s) + 1;
  const status = (s: ReferralStatus) => count(cellOf(s));
  const acceptance = shownRate(known, [cellOf("accepted"), cellOf("booked")], [cellOf("declined"), cellOf("redirected")]);
  const outcomes = STATUSES.length + 1;
  let next = outcomes + 3;
  return {
    figures: {
      total: count(0),
      sent: status("sent"),
      accepted: status("accepted"),
      booked: status("booked"),
      declined: status("declined"),
      redirected: status("redirected"),
      expired: status("expired"),
      /** Accepted (booked included) among those the target answered (rounded where a term is masked). */
      acceptanceRate: acceptance.rate,
      acceptanceRateRounded: acceptance.rounded,
      medianDaysToAppointment: median(r.daysToAppointment),
      honoured: count(outcomes),
      noShow: count(outcomes + 1),
      excused: count(outcomes + 2),
    },
    /** Per list of flows given, each count or null where masked. */
    flowCounts: flowCounts.map((counts) =>
      counts.map(() => {
        const shown = count(next);
        next += 1;
        return shown;
      }),
    ),
  };
}
export type ShownReferrals = ReturnType<typeof shownReferrals>["figures"];

/** From → to counts between groups (structures or networks), largest first; mask them with `shownReferrals`. */
export function flows(
  facts: readonly ReferralFact[],
  groupOf: (structureId: string) => string | undefined,
): { from: string; to: string; count: number }[] {
  const counts = new Map<string, { from: string; to: string; count: number }>();
  for (const f of facts) {
    const from = groupOf(f.fromStructureId);
    const to = groupOf(f.toStructureId);
    if (from === undefined || to === undefined) continue;
    const key = `${from}\u0000${to}`;
    const pair = counts.get(key) ?? { from, to, count: 0 };
    pair.count += 1;
    counts.set(key, pair);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count);
}

// ------------------------------------------------------------------ waiting list

/** Where a waiting-list count stands: its offering's structure and site (null: remote, or none yet). */
export interface ListPlace {
  structureId: string;
  siteId: string | null;
}

/** The people waiting at one place at the end of the period (or now, if sooner). */
export interface ListWaitingFact extends ListPlace {
  count: number;
}

/** One freed time offered through the list in the period (an advisor, a start): taken by someone or not. */
export interface ListSlotFact extends ListPlace {
  accepted: boolean;
  count: number;
}

/** Offers made in the period, by how they ended (open, accepted, declined, expired, withdrawn). */
export interface ListOfferFact extends ListPlace {
  status: "open" | "accepted" | "declined" | "expired" | "withdrawn";
  /** Of an accepted offer, the days it brought the meeting forward, to the tenth; else null. */
  daysGained: number | null;
  count: number;
}

export interface ListFigures {
  waiting: number;
  slotsOffered: number;
  slotsAccepted: number;
  declined: number;
  expired: number;
  daysGained: Histogram;
}

/** Sums the waiting list's facts of the places `counts` keeps. */
export function summariseWaitlist(
  facts: { waiting: readonly ListWaitingFact[]; slots: readonly ListSlotFact[]; offers: readonly ListOfferFact[] },
  counts: (place: ListPlace) => boolean,
): ListFigures {
  const figures: ListFigures = { waiting: 0, slotsOffered: 0, slotsAccepted: 0, declined: 0, expired: 0, daysGained: new Map() };
  for (const f of facts.waiting) if (counts(f)) figures.waiting += f.count;
  for (const f of facts.slots) {
    if (!counts(f)) continue;
    figures.slotsOffered += f.count;
    if (f.accepted) figures.slotsAccepted += f.count;
  }
  for (const f of facts.offers) {
    if (!counts(f)) continue;
    if (f.status === "declined") figures.declined += f.count;
    else if (f.status === "expired") figures.expired += f.count;
    else if (f.status === "accepted" && f.daysGained !== null) addTo(figures.daysGained, f.daysGained, f.count);
  }
  return figures;
}

/**
 * The waiting list's figures as shown outside a structure: counts from 1 to 4 masked, and the
 * slots taken with those not taken, which add up to the slots offered, masked together; the
 * share re-booked rounded (or not given) where a term is masked, the median over 5 offers or more.
 */
export function shownWaitlist(f: ListFigures) {
  const cells = [f.waiting, f.slotsOffered, f.slotsAccepted, f.slotsOffered - f.slotsAccepted, f.declined, f.expired];
  const { hidden, known } = mask(cells, [{ whole: 1, parts: [2, 3] }]);
  const count = (i: number) => (hidden[i] ? null : (cells[i] as number));
  const rebooked = shownRate(known, [2], [3]);
  return {
    waiting: count(0),
    slotsOffered: count(1),
    slotsAccepted: count(2),
    /** Distinct slots offered through the list that were accepted ÷ distinct slots offered. */
    rebookedRate: rebooked.rate,
    rebookedRateRounded: rebooked.rounded,
    medianDaysGained: median(f.daysGained),
    declined: count(4),
    expired: count(5),
  };
}
export type ShownWaitlist = ReturnType<typeof shownWaitlist>;
