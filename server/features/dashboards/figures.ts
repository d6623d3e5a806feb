import type { Database } from "../../db/database.ts";
import { MONTHS } from "../../domain/french.ts";
import {
  emptyActivity,
  flows,
  type Place,
  type ShownActivity,
  shownActivityTable,
  shownReferrals,
  summariseActivity,
  summariseReferrals,
  type WaitingFact,
  waitingSeries,
  waitingSummary,
} from "../../domain/statistics.ts";
import { type Facts, loadFacts } from "./load-facts.ts";
import type { Breakdown, Scope } from "./scope.ts";

/** "2026-03" → « mars 2026 ». */
export const monthName = (month: string) => `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;

/** The months a period touches, in order. */
function monthsOf(scope: Scope): string[] {
  const months: string[] = [];
  for (let m = scope.from.slice(0, 7); m <= scope.to.slice(0, 7); ) {
    months.push(m);
    const [year, month] = [Number(m.slice(0, 4)), Number(m.slice(5, 7))];
    m = month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, "0")}`;
  }
  return months;
}

/** The rows a breakdown shows (every territory, network… of the scope, even without activity) and their names. */
function groupsOfBreakdown(scope: Scope, by: Breakdown) {
  const structures = [...scope.structures.values()];
  const named = (pairs: [string, string][]) =>
    new Map(pairs.sort((a, b) => a[1].localeCompare(b[1], "fr")).map(([key, label]) => [key, label] as const));
  switch (by) {
    case "territory":
      return {
        labels: named(
          [...scope.territories.values()]
            .filter((t) => structures.some((s) => s.territoryIds.includes(t.id)))
            .map((t) => [t.id, t.name]),
        ),
        of: (place: { structureId: string; siteId?: string | null }) =>
          place.siteId === undefined
            ? // A structure's waiting time: where any of its sites stands.
              (scope.structures.get(place.structureId)?.territoryIds ?? []).filter((id) => scope.territories.has(id))
            : scope.territoriesOf({ structureId: place.structureId, siteId: place.siteId }),
      };
    case "network":
      return {
        labels: named(
          [...scope.networks.values()].filter((n) => structures.some((s) => s.networkId === n.id)).map((n) => [n.id, n.name]),
        ),
        of: (place: { structureId: string }) => {
          const s = scope.structures.get(place.structureId);
          return s ? [s.networkId] : [];
        },
      };
    case "structure":
      return {
        labels: named(structures.map((s) => [s.id, s.name])),
        of: (place: { structureId: string }) => (scope.structures.has(place.structureId) ? [place.structureId] : []),
      };
    case "service":
      return {
        // In the directory's order of services, not alphabetical.
        labels: new Map(
          [...scope.services.values()].filter((s) => !scope.service || s.id === scope.service.id).map((s) => [s.id, s.name]),
        ),
        of: (place: { serviceId: string | null }) => (place.serviceId ? [place.serviceId] : []),
      };
    case "month":
      return {
        labels: new Map(monthsOf(scope).map((m) => [m, monthName(m)] as const)),
        of: (place: { month?: string }) => (place.month ? [place.month] : []),
      };
  }
}

/** A scope's figures, broken down by `by`: activity, waiting time, referrals. Masked: shown outside the structures. */
export async function dashboardFigures(db: Database, scope: Scope, by: Breakdown) {
  const facts = await loadFacts(db, scope);
  return figuresOf(facts, scope, by);
}

export function figuresOf(facts: Facts, scope: Scope, by: Breakdown) {
  const groups = groupsOfBreakdown(scope, by);
  const perService = by === "service" || scope.service !== undefined;
  const inScope = (place: { structureId: string; siteId: string | null }) => scope.includes(place);
  const activity = summariseActivity(facts, (place) => (inScope(place) ? groups.of(place as Place) : []), perService);
  const total = summariseActivity(facts, (place) => (inScope(place) ? ["total"] : []), perService);
  // Every appointment is in one row, but for territories: a structure may stand in two.
  const table = shownActivityTable(
    [...groups.labels.keys()].map((key) => activity.get(key) ?? emptyActivity()),
    total.get("total") ?? emptyActivity(),
    by !== "territory",
  );
  const networkFlows = flows(facts.referrals, (id) => networkNameOf(scope, id));
  const structureFlows = flows(facts.referrals, (id) => scope.structureNames.get(id));
  const referrals = shownReferrals(summariseReferrals(facts.referrals), [
    networkFlows.map((f) => f.count),
    structureFlows.map((f) => f.count),
  ]);
  const withCounts = (list: typeof networkFlows, counts: (number | null)[] | undefined) =>
    list.map((f, i) => ({ ...f, count: counts?.[i] ?? null }));

  return {
    period: { from: scope.from, to: scope.to },
    by,
    activity: {
      rows: [...groups.labels].map(([key, label], i) => ({ key, label, ...(table.rows[i] as ShownActivity) })),
      total: table.total,
    },
    waiting: waitingRows(facts.waiting, scope, by, groups),
    referrals: {
      ...referrals.figures,
      networkFlows: withCounts(networkFlows, referrals.flowCounts[0]),
      structureFlows: withCounts(structureFlows, referrals.flowCounts[1]),
    },
  };
}
export type Figures = ReturnType<typeof figuresOf>;

/** A referral's structure by its network's name: partners together, other SPRO structures as outside the scope. */
function networkNameOf(scope: Scope, structureId: string): string {
  const s = scope.structures.get(structureId);
  if (s) return scope.networks.get(s.networkId)?.name ?? "";
  return scope.partnerIds.has(structureId) ? "Partenaires (CCAS, centres sociaux…)" : "Hors périmètre";
}

/**
 * The waiting time per service, and per territory, network or structure when the figures are
 * broken down that way (by service or month: the whole scope).
 */
function waitingRows(facts: readonly WaitingFact[], scope: Scope, by: Breakdown, groups: ReturnType<typeof groupsOfBreakdown>) {
  const grouped = by === "territory" || by === "network" || by === "structure";
  const series = waitingSeries(facts, (fact) =>
    (grouped ? groups.of(fact) : ["all"]).map((group) => `${fact.serviceId}|${group}`),
  );
  return [...series]
    .map(([key, points]) => {
      const [serviceId, group] = key.split("|") as [string, string];
      const service = scope.services.get(serviceId);
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
