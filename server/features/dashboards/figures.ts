import type { Database } from "../../db/database.ts";
import { MONTHS } from "../../domain/french.ts";
import {
  emptyActivity,
  flows,
  type Place,
  type ShownActivity,
  shownActivityTable,
  shownReferrals,
  shownWaitlist,
  summariseActivity,
  summariseReferrals,
  summariseWaitlist,
  type WaitingFact,
  waitingSeries,
  waitingSummary,
} from "../../domain/statistics.ts";
import { BREAKDOWNS, type Breakdown, type Coverage } from "./coverage.ts";
import { type Facts, loadFacts, loadWaitlistFacts } from "./load-facts.ts";

/** "2026-03" → « mars 2026 ». */
export const monthName = (month: string) => `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;

/** The months a period touches, in order. */
function monthsOf(coverage: Coverage): string[] {
  const months: string[] = [];
  for (let m = coverage.from.slice(0, 7); m <= coverage.to.slice(0, 7); ) {
    months.push(m);
    const [year, month] = [Number(m.slice(0, 4)), Number(m.slice(5, 7))];
    m = month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, "0")}`;
  }
  return months;
}

/** The rows a breakdown shows (every territory, network… of the coverage, even without activity) and their names. */
function groupsOfBreakdown(coverage: Coverage, by: Breakdown) {
  const structures = [...coverage.structures.values()];
  const named = (pairs: [string, string][]) =>
    new Map(pairs.sort((a, b) => a[1].localeCompare(b[1], "fr")).map(([key, label]) => [key, label] as const));
  switch (by) {
    case "territory":
      return {
        labels: named(
          [...coverage.territories.values()]
            .filter((t) => structures.some((s) => s.territoryIds.includes(t.id)))
            .map((t) => [t.id, t.name]),
        ),
        of: (place: { structureId: string; siteId?: string | null }) =>
          place.siteId === undefined
            ? // A structure's waiting time: where any of its sites stands.
              (coverage.structures.get(place.structureId)?.territoryIds ?? []).filter((id) => coverage.territories.has(id))
            : coverage.territoriesOf({ structureId: place.structureId, siteId: place.siteId }),
      };
    case "network":
      return {
        labels: named(
          [...coverage.networks.values()].filter((n) => structures.some((s) => s.networkId === n.id)).map((n) => [n.id, n.name]),
        ),
        of: (place: { structureId: string }) => {
          const s = coverage.structures.get(place.structureId);
          return s ? [s.networkId] : [];
        },
      };
    case "structure":
      return {
        labels: named(structures.map((s) => [s.id, s.name])),
        of: (place: { structureId: string }) => (coverage.structures.has(place.structureId) ? [place.structureId] : []),
      };
    case "service":
      return {
        // In the directory's order of services, not alphabetical.
        labels: new Map(
          [...coverage.services.values()]
            .filter((s) => !coverage.service || s.id === coverage.service.id)
            .map((s) => [s.id, s.name]),
        ),
        of: (place: { serviceId: string | null }) => (place.serviceId ? [place.serviceId] : []),
      };
    case "month":
      return {
        labels: new Map(monthsOf(coverage).map((m) => [m, monthName(m)] as const)),
        of: (place: { month?: string }) => (place.month ? [place.month] : []),
      };
  }
}

/**
 * A coverage's figures, broken down by `by`: activity, waiting time, referrals, and the waiting
 * list's totals (people waiting at the period's end, or `now` if sooner). Masked: shown outside
 * the structures.
 */
export async function dashboardFigures(db: Database, coverage: Coverage, by: Breakdown, now: Date) {
  const [facts, list] = await Promise.all([loadFacts(db, coverage), loadWaitlistFacts(db, coverage, now)]);
  return {
    ...figuresOf(facts, coverage, by),
    waitlist: shownWaitlist(summariseWaitlist(list, (place) => coverage.includes(place))),
  };
}
export type DashboardFigures = Awaited<ReturnType<typeof dashboardFigures>>;

export function figuresOf(facts: Facts, coverage: Coverage, by: Breakdown) {
  const covered = (place: { structureId: string; siteId: string | null }) => coverage.includes(place);
  const perService = (b: Breakdown) => b === "service" || coverage.service !== undefined;
  const breakdowns = BREAKDOWNS.map((b) => {
    const groups = groupsOfBreakdown(coverage, b);
    const activity = summariseActivity(facts, (place) => (covered(place) ? groups.of(place as Place) : []), perService(b));
    // Every appointment is in one row, but for territories: a structure may stand in two.
    return {
      groups,
      rows: [...groups.labels.keys()].map((key) => activity.get(key) ?? emptyActivity()),
      splitTotal: b !== "territory",
    };
  });
  const total = summariseActivity(facts, (place) => (covered(place) ? ["total"] : []), perService(by));
  // Every breakdown masked with the others, so that the tables a user can ask for (or the public
  // statistics give) cannot be played against each other.
  const table = shownActivityTable(total.get("total") ?? emptyActivity(), breakdowns);
  const { groups } = breakdowns[BREAKDOWNS.indexOf(by)] as (typeof breakdowns)[number];
  const rows = table.breakdowns[BREAKDOWNS.indexOf(by)] ?? [];
  const networkFlows = flows(facts.referrals, (id) => networkNameOf(coverage, id));
  const structureFlows = flows(facts.referrals, (id) => coverage.structureNames.get(id));
  const referrals = shownReferrals(summariseReferrals(facts.referrals), [
    networkFlows.map((f) => f.count),
    structureFlows.map((f) => f.count),
  ]);
  const withCounts = (list: typeof networkFlows, counts: (number | null)[] | undefined) =>
    shownFlows(
      list.map((f, i) => ({ ...f, count: counts?.[i] ?? null })),
      referrals.figures.total,
    );

  return {
    period: { from: coverage.from, to: coverage.to },
    by,
    activity: {
      rows: [...groups.labels].map(([key, label], i) => ({ key, label, ...(rows[i] as ShownActivity) })),
      total: table.total,
    },
    waiting: waitingRows(facts.waiting, coverage, by, groups),
    referrals: {
      ...referrals.figures,
      networkFlows: withCounts(networkFlows, referrals.flowCounts[0]),
      structureFlows: withCounts(structureFlows, referrals.flowCounts[1]),
    },
  };
}
export type Figures = ReturnType<typeof figuresOf>;

/** A referral's structure by its network's name: partners together, other SPRO structures as outside the coverage. */
function networkNameOf(coverage: Coverage, structureId: string): string {
  const s = coverage.structures.get(structureId);
  if (s) return coverage.networks.get(s.networkId)?.name ?? "";
  return coverage.partnerIds.has(structureId) ? "Partenaires (CCAS, centres sociaux…)" : "Hors périmètre";
}

/**
 * The waiting time per service, and per territory, network or structure when the figures are
 * broken down that way (by service or month: the whole coverage).
 */
function waitingRows(
  facts: readonly WaitingFact[],
  coverage: Coverage,
  by: Breakdown,
  groups: ReturnType<typeof groupsOfBreakdown>,
) {
  const grouped = by === "territory" || by === "network" || by === "structure";
  const series = waitingSeries(facts, (fact) =>
    (grouped ? groups.of(fact) : ["all"]).map((group) => `${fact.serviceId}|${group}`),
  );
  return [...series]
    .map(([key, points]) => {
      const [serviceId, group] = key.split("|") as [string, string];
      const service = coverage.services.get(serviceId);
      return {
        service: { slug: service?.slug ?? "", name: service?.name ?? "" },
        group: grouped ? { key: group, label: groups.labels.get(group) ?? "" } : null,
        ...waitingSummary(points),
        series: points,
      };
    })
    .sort(
      (a, b) =>
        a.service.name.localeCompare(b.service.name, "fr") || (a.group?.label ?? "").localeCompare(b.group?.label ?? "", "fr"),
    );
}

/**
 * Flows as shown: each one whose count is shown, and the masked ones together on one last line,
 * with their sum when the total is shown — it follows from it anyway — rather than a long list
 * of « masqué ».
 */
export function shownFlows(list: { from: string; to: string; count: number | null }[], total: number | null) {
  const shown = list.filter((f) => f.count !== null);
  const masked = list.length - shown.length;
  if (masked === 0) return shown;
  const sum = total === null ? null : total - shown.reduce((n, f) => n + (f.count ?? 0), 0);
  return [
    ...shown,
    { from: masked > 1 ? `${masked} autres flux, masqués un à un` : "1 autre flux, masqué", to: "—", count: sum },
  ];
}
