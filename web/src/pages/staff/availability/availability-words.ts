import type { Mode } from "../../../lib/api.ts";
import { addDays, dateOf, epochDay, formatDate, formatDay, formatDayWithYear, formatTime, timeOf } from "../../../lib/dates.ts";
import { capitalize } from "../../../lib/french.ts";
import type { CancelledMeeting, Conflict } from "./availability-api.ts";

// Ranges, single dates and absences said in plain French. Pure: the page and its tests read the same words.

/** Monday is 1, Sunday 7, as the API numbers weekdays. */
export const WEEKDAYS = [
  { value: "1", label: "Lundi" },
  { value: "2", label: "Mardi" },
  { value: "3", label: "Mercredi" },
  { value: "4", label: "Jeudi" },
  { value: "5", label: "Vendredi" },
  { value: "6", label: "Samedi" },
  { value: "7", label: "Dimanche" },
] as const;

/** How each mode is said inside a range's parentheses: « (sur place, téléphone) ». */
export const MODE_WORDS: Record<Mode, string> = { onsite: "sur place", phone: "téléphone", video: "visio" };

/** The modes a place allows: a remote range (no site) receives nobody on site. */
export const modesFor = (remote: boolean): Mode[] => (remote ? ["phone", "video"] : ["onsite", "phone", "video"]);

/** « a », « a et b », « a, b et c ». */
export function frenchList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} et ${items.at(-1)}`;
}

/** The weekday of a date, Monday 1 … Sunday 7 (1970-01-01 was a Thursday). */
export function weekdayOf(date: string): number {
  return ((((epochDay(date) + 3) % 7) + 7) % 7) + 1;
}

const dayName = (day: number) => (WEEKDAYS[day - 1]?.label ?? "").toLowerCase();

/** « le lundi et le jeudi », « du lundi au jeudi », « du lundi au mercredi et le vendredi »: three days in a row or more are a span. */
export function daysWords(weekdays: readonly number[]): string {
  const runs: number[][] = [];
  for (const day of [...weekdays].sort((a, b) => a - b)) {
    const run = runs.at(-1);
    if (run && run.at(-1) === day - 1) run.push(day);
    else runs.push([day]);
  }
  return frenchList(
    runs.flatMap((run) =>
      run.length >= 3 ? [`du ${dayName(run[0] ?? 1)} au ${dayName(run.at(-1) ?? 1)}`] : run.map((day) => `le ${dayName(day)}`),
    ),
  );
}

export interface RuleFacts {
  siteId: string | null;
  modes: readonly Mode[];
  weekdays: readonly number[];
  startTime: string;
  endTime: string;
  validFrom: string;
  validUntil: string | null;
  everyWeeks: number;
  onHolidays: boolean;
  offeringIds: readonly string[];
}

export interface Choices {
  sites: readonly { id: string; name: string }[];
  offerings: readonly { id: string; service: { name: string } }[];
}

/** A single date is a one-day range: it starts and ends the same day. */
export const isSingleDate = (rule: { validFrom: string; validUntil: string | null }) => rule.validUntil === rule.validFrom;

/** « à Antenne de Roubaix (sur place, téléphone) », « à distance (téléphone, visio) ». */
export function placeWords(rule: Pick<RuleFacts, "siteId" | "modes">, choices: Choices): string {
  const modes = rule.modes.map((mode) => MODE_WORDS[mode]).join(", ");
  if (!rule.siteId) return `à distance (${modes})`;
  const site = choices.sites.find((candidate) => candidate.id === rule.siteId)?.name ?? "un lieu fermé depuis";
  return `à ${site} (${modes})`;
}

function servicesWords(rule: Pick<RuleFacts, "offeringIds">, choices: Choices): string {
  const names = rule.offeringIds.map(
    (id) => choices.offerings.find((offering) => offering.id === id)?.service.name ?? "un service retiré",
  );
  return `${names.length > 1 ? "services" : "service"}\u00a0: ${names.join(", ")}`;
}

/**
 * A range as a sentence, cut in two: `when` (its days and hours, a title) and `details` (place,
 * rhythm, validity, services). « Le lundi et le jeudi, de 9 h 00 à 12 h 00 » + « à Antenne
 * (sur place), toutes les 2 semaines, du 2 novembre 2026 au 18 décembre 2026, service : … ».
 */
export function describeRule(rule: RuleFacts, choices: Choices): { when: string; details: string } {
  const hours = `de ${formatTime(rule.startTime)} à ${formatTime(rule.endTime)}`;
  if (isSingleDate(rule)) {
    return {
      when: `Le ${formatDayWithYear(rule.validFrom)}, ${hours}`,
      details: [placeWords(rule, choices), servicesWords(rule, choices)].join(", "),
    };
  }
  const validity = rule.validUntil
    ? `du ${formatDate(rule.validFrom)} au ${formatDate(rule.validUntil)}`
    : `à partir du ${formatDate(rule.validFrom)}`;
  return {
    when: `${capitalize(daysWords(rule.weekdays))}, ${hours}`,
    details: [
      placeWords(rule, choices),
      ...(rule.everyWeeks > 1 ? [`toutes les ${rule.everyWeeks} semaines`] : []),
      validity,
      ...(rule.onHolidays ? ["y compris les jours fériés"] : []),
      servicesWords(rule, choices),
    ].join(", "),
  };
}

/**
 * An absence from its zoned ISO start and end: « lundi 30 mars, de 14 h 00 à 16 h 00 »,
 * « lundi 30 mars, toute la journée », « du lundi 30 mars à 14 h 00 au mardi 31 mars à 12 h 00 »,
 * « du lundi 30 mars au vendredi 3 avril » (whole days: midnight to midnight).
 */
export function absenceWhen(absence: { start: string; end: string }): string {
  const [startDay, startTime, endDay, endTime] = [
    dateOf(absence.start),
    timeOf(absence.start),
    dateOf(absence.end),
    timeOf(absence.end),
  ];
  const wholeDays = startTime === "00:00" && endTime === "00:00";
  if (wholeDays) {
    const last = addDays(endDay, -1);
    return last === startDay
      ? `${formatDay(startDay)}, toute la journée`
      : `du ${formatDay(startDay)} au ${formatDay(last)}, journées entières`;
  }
  if (startDay === endDay) return `${formatDay(startDay)}, de ${formatTime(startTime)} à ${formatTime(endTime)}`;
  return `du ${formatDay(startDay)} à ${formatTime(startTime)} au ${formatDay(endDay)} à ${formatTime(endTime)}`;
}

/**
 * What the absence form sends, as local « YYYY-MM-DDTHH:MM »: an empty start time is the start
 * of the day, an empty end time its end (the next midnight), an empty end date the start date.
 */
export function absenceSpan(input: { startDate: string; startTime: string; endDate: string; endTime: string }): {
  start: string;
  end: string;
} {
  const endDate = input.endDate || input.startDate;
  return {
    start: `${input.startDate}T${input.startTime || "00:00"}`,
    end: input.endTime ? `${endDate}T${input.endTime}` : `${addDays(endDate, 1)}T00:00`,
  };
}

/** What a change did to booked meetings, to add to its success message; empty when none was concerned. */
export function bookedWords(changed: {
  affected: number;
  cancelled: number;
  cancelledMeetings: readonly CancelledMeeting[];
  conflicts?: readonly Conflict[];
}): string {
  return ownWords(changed) + conflictWords(changed.conflicts ?? []);
}

function ownWords(changed: { affected: number; cancelled: number; cancelledMeetings: readonly CancelledMeeting[] }): string {
  if (changed.affected === 0) return "";
  if (changed.cancelled > 0) return cancelledWords(changed.cancelledMeetings);
  return changed.affected === 1
    ? " Le rendez-vous concerné est gardé."
    : ` Les ${changed.affected} rendez-vous concernés sont gardés.`;
}

/** A cancelled meeting whose person no message reaches, with the number to call. */
export type ToCall = CancelledMeeting & { phone: string };

/**
 * The cancelled meetings by how their people hear of it, in the answer's order: someone told
 * both ways is in both groups; no message reaches those to call (a landline, a mobile without
 * SMS), nor those who left neither address nor number.
 */
export function toldGroups(meetings: readonly CancelledMeeting[]) {
  const untold = meetings.filter((meeting) => meeting.told.length === 0);
  return {
    email: meetings.filter((meeting) => meeting.told.includes("email")),
    sms: meetings.filter((meeting) => meeting.told.includes("sms")),
    call: untold.filter((meeting): meeting is ToCall => meeting.phone !== null),
    unreachable: untold.filter((meeting) => meeting.phone === null),
  };
}

const people = (count: number, one: string, many: string) => `${count} ${count === 1 ? `personne ${one}` : `personnes ${many}`}`;

/**
 * « Le rendez-vous concerné est annulé ; la personne est prévenue. », « Les 3 rendez-vous
 * concernés sont annulés : 2 personnes sont prévenues et 1 personne est à appeler. »
 */
function cancelledWords(meetings: readonly CancelledMeeting[]): string {
  const { call, unreachable } = toldGroups(meetings);
  const told = meetings.length - call.length - unreachable.length;
  if (meetings.length === 1) {
    if (told) return " Le rendez-vous concerné est annulé ; la personne est prévenue.";
    return call.length
      ? " Le rendez-vous concerné est annulé : la personne ne reçoit ni courriel ni SMS, elle est à appeler."
      : " Le rendez-vous concerné est annulé : la personne n'a laissé aucun moyen de la prévenir.";
  }
  const head = ` Les ${meetings.length} rendez-vous concernés sont annulés`;
  if (told === meetings.length) return `${head} ; les personnes sont prévenues.`;
  const parts = [
    ...(told ? [people(told, "est prévenue", "sont prévenues")] : []),
    ...(call.length ? [people(call.length, "est à appeler", "sont à appeler")] : []),
    ...(unreachable.length
      ? [people(unreachable.length, "n'a laissé aucun moyen de contact", "n'ont laissé aucun moyen de contact")]
      : []),
  ];
  return `${head} : ${frenchList(parts)}.`;
}

/**
 * The advisor's meetings in their other structures during an absence: that structure's own, they
 * stay; someone has to see to them with the advisor.
 */
export function conflictWords(conflicts: readonly Conflict[]): string {
  if (conflicts.length === 0) return "";
  const when = conflicts.map((c) => `le ${formatDayWithYear(c.start.slice(0, 10))} à ${formatTime(timeOf(c.start))}`);
  return conflicts.length === 1
    ? ` Un autre rendez-vous est prévu pendant ce temps dans une autre de ses structures (${when[0]}) : il y reste prévu, à voir avec cette structure.`
    : ` ${conflicts.length} autres rendez-vous sont prévus pendant ce temps dans d'autres de ses structures (${when.join(", ")}) : ils y restent prévus, à voir avec ces structures.`;
}
