import type { ShownWaitlist } from "../../domain/statistics.ts";
import { type Cell, countCell, csvDate, toCsv } from "../../http/csv.ts";
import type { Breakdown } from "./coverage.ts";
import type { Figures } from "./figures.ts";

/** The tables a dashboard exports, one per CSV file (one table per file opens cleanly in Excel). */
export const TABLES = ["activity", "waiting", "referrals", "flows", "network-flows", "waitlist"] as const;
export type Table = (typeof TABLES)[number];

/** Each table's name in its file's name, in French like the rest of what people download. */
export const TABLE_FILE_NAMES: Record<Table, string> = {
  activity: "rendez-vous",
  waiting: "delais-d-attente",
  referrals: "orientations",
  flows: "flux-entre-structures",
  "network-flows": "flux-entre-reseaux",
  waitlist: "liste-d-attente",
};

export const BREAKDOWN_NAMES: Record<Breakdown, string> = {
  territory: "Territoire",
  network: "Réseau",
  structure: "Structure",
  service: "Service",
  month: "Mois",
};

/** A share as a percentage with one decimal: 0.4567 → 45,7; a rounded one (over a masked count) « ≈ 10 ». */
const percent = (share: number | null, rounded = false): Cell => {
  if (share === null) return null;
  const value = Math.round(share * 1000) / 10;
  return rounded ? `≈ ${String(value).replace(".", ",")}` : value;
};

const ACTIVITY_HEADER = [
  "Rendez-vous pris",
  "Honorés",
  "Absences",
  "Absences excusées",
  "Annulés",
  "Issue non renseignée",
  "En ligne",
  "Accueil",
  "Orientation",
  "Conseiller",
  "Taux d'absence (%)",
  "Part du temps offert réservée (%)",
  "Heures réservées",
  "Heures offertes",
  "Délai médian de prise de rendez-vous (jours)",
];

type Activity = Figures["activity"]["total"];
const activityCells = (a: Activity): Cell[] => [
  countCell(a.booked),
  countCell(a.honoured),
  countCell(a.noShow),
  countCell(a.excused),
  countCell(a.cancelled),
  countCell(a.unmarked),
  countCell(a.channels.online),
  countCell(a.channels.reception),
  countCell(a.channels.referral),
  countCell(a.channels.advisor),
  percent(a.noShowRate, a.noShowRateRounded),
  percent(a.occupancy),
  countCell(a.bookedHours),
  a.offeredHours,
  a.medianLeadDays,
];

/** The share re-booked, named in the CSV as the page explains it. */
const WAITLIST_REBOOKED = "Créneaux libérés repris par la liste (%) : créneaux acceptés / créneaux distincts proposés";

/** One table of a dashboard as CSV; masked counts read « masqué », as on screen. */
export function figuresCsv(figures: Figures, table: Exclude<Table, "waitlist">): string {
  switch (table) {
    case "activity":
      return toCsv(
        [BREAKDOWN_NAMES[figures.by], ...ACTIVITY_HEADER],
        [
          ...figures.activity.rows.map((row) => [row.label, ...activityCells(row)]),
          ["Total", ...activityCells(figures.activity.total)],
        ],
      );
    case "waiting": {
      const grouped = figures.waiting.some((w) => w.group !== null);
      return toCsv(
        ["Service", ...(grouped ? [BREAKDOWN_NAMES[figures.by]] : []), "Jour", "Délai jusqu'au premier créneau libre (jours)"],
        figures.waiting.flatMap((w) =>
          w.series.map((point) => [
            w.service.name,
            ...(grouped ? [w.group?.label ?? ""] : []),
            csvDate(point.day),
            point.days ?? "aucun créneau",
          ]),
        ),
      );
    }
    case "referrals": {
      const r = figures.referrals;
      return toCsv(
        ["Indicateur", "Valeur"],
        [
          ["Orientations", countCell(r.total)],
          ["En attente de réponse", countCell(r.sent)],
          ["Acceptées, sans rendez-vous encore", countCell(r.accepted)],
          ["Avec un rendez-vous", countCell(r.booked)],
          // Parts of the row above, as the page shows them.
          ["dont rendez-vous honorés", countCell(r.honoured)],
          ["dont absences au rendez-vous", countCell(r.noShow)],
          ["dont absences excusées", countCell(r.excused)],
          ["Refusées", countCell(r.declined)],
          ["Réorientées", countCell(r.redirected)],
          ["Expirées", countCell(r.expired)],
          ["Taux d'acceptation (%)", percent(r.acceptanceRate, r.acceptanceRateRounded)],
          ["Délai médian jusqu'au rendez-vous (jours)", r.medianDaysToAppointment],
        ],
      );
    }
    case "flows":
      return toCsv(
        ["Structure d'origine", "Structure d'accueil", "Orientations"],
        figures.referrals.structureFlows.map((f) => [f.from, f.to, countCell(f.count)]),
      );
    case "network-flows":
      return toCsv(
        ["Réseau d'origine", "Réseau d'accueil", "Orientations"],
        figures.referrals.networkFlows.map((f) => [f.from, f.to, countCell(f.count)]),
      );
  }
}

/** The waiting list's totals as CSV, one figure a line, as the page shows them. */
export function waitlistCsv(w: ShownWaitlist): string {
  return toCsv(
    ["Indicateur", "Valeur"],
    [
      ["Personnes en attente à la fin de la période", countCell(w.waiting)],
      ["Créneaux distincts proposés par la liste", countCell(w.slotsOffered)],
      ["dont acceptés", countCell(w.slotsAccepted)],
      [WAITLIST_REBOOKED, percent(w.rebookedRate, w.rebookedRateRounded)],
      ["Jours gagnés par offre acceptée, médiane", w.medianDaysGained],
      ["Offres restées sans réponse (expirées)", countCell(w.expired)],
      ["Offres refusées", countCell(w.declined)],
    ],
  );
}
