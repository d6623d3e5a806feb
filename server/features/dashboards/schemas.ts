import { z } from "@hono/zod-openapi";
import { DateOnly, IdName } from "../appointments/schemas.ts";
import { BREAKDOWNS } from "./coverage.ts";

// The figures' answers: the dashboards' (routes.ts, coverage.ts, figures.ts) and the public
// statistics' (statistics-routes.ts). A null count is a masked one (domain/secrecy.ts).

const Count = z.number().int().nullable();
const Slugged = z.object({ id: z.uuid(), slug: z.string(), name: z.string() });
const Period = z.object({ from: DateOnly, to: DateOnly });

/** Appointments of a period, their outcomes and channels, the share of the offered time booked, the lead time. */
export const Activity = z
  .object({
    booked: Count,
    honoured: Count,
    noShow: Count,
    excused: Count,
    cancelled: Count,
    unmarked: Count,
    channels: z.object({ online: Count, reception: Count, referral: Count, advisor: Count }),
    noShowRate: z.number().nullable(),
    noShowRateRounded: z
      .boolean()
      .openapi({ description: "Le taux repose sur un effectif masqué : arrondi, à lire « environ »." }),
    occupancy: z.number().nullable(),
    bookedHours: z.number().nullable(),
    offeredHours: z.number(),
    medianLeadDays: z.number().nullable(),
  })
  .openapi("Activity");

/** One row of a table of activity: a month, a territory, a network, a structure or a service. */
export const ActivityRow = Activity.extend({ key: z.string(), label: z.string() }).openapi("ActivityRow");

const WaitingFields = {
  service: z.object({ slug: z.string(), name: z.string() }),
  group: z.object({ key: z.string(), label: z.string() }).nullable(),
  latest: z.number().nullable(),
  average: z.number().nullable(),
  daysWithout: z.int(),
};
/** The wait for the first free slot of a service (per territory, network or structure when broken down so), in days. */
export const WaitingRow = z
  .object({ ...WaitingFields, series: z.array(z.object({ day: DateOnly, days: z.number().nullable() })) })
  .openapi("WaitingRow");

export const Flow = z.object({ from: z.string(), to: z.string(), count: Count });

const ReferralCounts = {
  total: Count,
  sent: Count,
  accepted: Count,
  booked: Count,
  declined: Count,
  redirected: Count,
  expired: Count,
  acceptanceRate: z.number().nullable(),
  acceptanceRateRounded: z.boolean(),
  medianDaysToAppointment: z.number().nullable(),
  honoured: Count,
  noShow: Count,
  excused: Count,
  networkFlows: z.array(Flow),
};

/** The waiting list's totals over the coverage (domain/statistics.ts `shownWaitlist`). */
export const WaitlistFigures = z
  .object({
    waiting: Count.openapi({
      description: "Personnes en attente à la fin de la période (ou maintenant, si elle n'est pas finie).",
    }),
    slotsOffered: Count.openapi({
      description: "Créneaux distincts (un conseiller, une heure) proposés par la liste sur la période.",
    }),
    slotsAccepted: Count.openapi({ description: "Parmi eux, ceux qu'une personne a acceptés." }),
    rebookedRate: z
      .number()
      .nullable()
      .openapi({ description: "Créneaux distincts proposés sur la période et acceptés ÷ créneaux distincts proposés." }),
    rebookedRateRounded: z.boolean(),
    medianDaysGained: z.number().nullable().openapi({ description: "Jours gagnés par offre acceptée, médiane." }),
    declined: Count.openapi({ description: "Offres refusées." }),
    expired: Count.openapi({ description: "Offres restées sans réponse jusqu'à la fin de leur réservation." }),
  })
  .openapi("WaitlistFigures");

export const DashboardChoices = z
  .object({
    territories: z.array(Slugged),
    networks: z.array(Slugged),
    structures: z.array(
      IdName.extend({
        networkId: z.uuid(),
        serviceIds: z.array(z.uuid()),
        territoryIds: z.array(z.uuid()).openapi({ description: "Les territoires suivis où elle a un lieu." }),
      }),
    ),
    services: z.array(Slugged),
    period: Period.openapi({ description: "La période montrée quand l'adresse n'en demande aucune." }),
  })
  .openapi("DashboardChoices");

export const DashboardFigures = z
  .object({
    period: Period,
    by: z.enum(BREAKDOWNS),
    activity: z.object({ rows: z.array(ActivityRow), total: Activity }),
    waiting: z.array(WaitingRow),
    referrals: z.object({ ...ReferralCounts, structureFlows: z.array(Flow) }),
    waitlist: WaitlistFigures,
  })
  .openapi("DashboardFigures");

export const PublicStatistics = z
  .object({
    period: Period,
    total: Activity,
    months: z.array(ActivityRow),
    networks: z.array(ActivityRow),
    waiting: z.array(z.object(WaitingFields)),
    referrals: z.object(ReferralCounts),
  })
  .openapi("PublicStatistics");
