// The figures as the server answers them (server/domain/statistics.ts `shownActivity`,
// `shownReferrals`, server/features/dashboards/figures.ts). A null count is a masked one: 1 to 4, or one that would give
// such a one back by arithmetic (server/domain/secrecy.ts).

export interface Activity {
  booked: number | null;
  honoured: number | null;
  noShow: number | null;
  excused: number | null;
  cancelled: number | null;
  unmarked: number | null;
  channels: { online: number | null; reception: number | null; referral: number | null; advisor: number | null };
  noShowRate: number | null;
  /** Rounded, over a masked count: read « about ». */
  noShowRateRounded: boolean;
  occupancy: number | null;
  /** Masked (null) with the count of meetings it would give back. */
  bookedHours: number | null;
  offeredHours: number;
  medianLeadDays: number | null;
}

export interface ActivityRow extends Activity {
  key: string;
  label: string;
}

export interface WaitingRow {
  service: { slug: string; name: string };
  group: { key: string; label: string } | null;
  latest: number | null;
  average: number | null;
  daysWithout: number;
  series?: { day: string; days: number | null }[];
}

export interface Flow {
  from: string;
  to: string;
  count: number | null;
}

export interface ReferralFigures {
  total: number | null;
  sent: number | null;
  accepted: number | null;
  booked: number | null;
  declined: number | null;
  redirected: number | null;
  expired: number | null;
  acceptanceRate: number | null;
  acceptanceRateRounded: boolean;
  medianDaysToAppointment: number | null;
  honoured: number | null;
  noShow: number | null;
  excused: number | null;
  networkFlows: Flow[];
  structureFlows?: Flow[];
}
