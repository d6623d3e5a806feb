// The demo's past: six months of people, meetings and referrals, and three months of daily
// waiting-time snapshots, so that the coordination dashboards have something to show on a
// fresh `npm start`. Deterministic for a given database and `now` (seeded random streams),
// placed in the advisors' real weekly hours by the slot engine itself, in the past only: the
// slots from today on stay free.
import { DateTime } from "luxon";
import type { Database, PrismaClient, SqlSession } from "../../server/db/database.ts";
import type { AppointmentOutcome, Channel, Mode, Prisma, Situation } from "../../server/db/generated/client.ts";
import { freeSlots, type Slot } from "../../server/domain/availability.ts";
import {
  addDays,
  DEFAULT_ZONE,
  datesBetween,
  isoWeekday,
  type LocalDate,
  localDateOf,
  localInstant,
} from "../../server/domain/time.ts";
import { loadAvailability, offeringSelect, toOfferingRow } from "../../server/features/slots/load-availability.ts";
import { bulkTransaction, insertRows } from "./bulk.ts";
import {
  ACCESSIBILITY_NEEDS,
  CANCEL_REASONS,
  DECLINE_REASONS,
  DEFAULT_NEED,
  NEEDS,
  OUTCOME_WORDS,
  PERSON_FIRST_NAMES,
  PERSON_LAST_NAMES,
  REDIRECT_REASONS,
} from "./history-words.ts";
import { asciiSlug, stableUuid } from "./ids.ts";
import { type Random, randomFor } from "./random.ts";

export interface HistoryOptions {
  /** How far back the meetings and referrals go (6 months). */
  months?: number;
  /** Days of waiting-time snapshots before today (90). */
  snapshotDays?: number;
  /** Share of the realistic bookings actually written (see FILL). */
  fill?: number;
  log?: (msg: string) => void;
}

/** Rows added; all zero when the database already had appointments. */
export interface HistoryCounts {
  persons: number;
  appointments: number;
  referrals: number;
  referralEvents: number;
  snapshots: number;
}

/** How far back the demo's past goes by default. */
export const HISTORY_MONTHS = 6;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * The share of a realistic load (40–75 % of the offered time, by structure and month) that is
 * written: the full load is 100 000 meetings in six months, half a minute to insert on PGlite;
 * an eighth of it keeps the first start within a few seconds. The mix, the outcomes, the lead
 * times and the trends are those of the full load.
 */
const FILL = 0.12;

/** How busy each month is, relative to the year: the school year starts in September, resolutions in January. */
const MONTH_LOAD = [1.15, 1.0, 1.05, 0.95, 0.9, 0.95, 0.85, 0.7, 1.25, 1.1, 1.05, 0.8] as const;

/**
 * Adds the demo history when the database has no appointment yet (otherwise does nothing):
 * persons, appointments (past only, inside the advisors' hours, never overlapping), referrals
 * with their timelines, and a daily WaitingTimeSnapshot per public offering. Built from the
 * directory as it stands, written in one transaction (which adds nothing if appointments
 * appeared meanwhile).
 */
export async function seedDemoHistory(db: Database, now: Date, options: HistoryOptions = {}): Promise<HistoryCounts> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const history = (await hasAppointments(db.sql)) ? undefined : await buildHistory(db, now, options);
  const counts =
    history &&
    (await bulkTransaction(db, async (sql) => ((await hasAppointments(sql)) ? undefined : insertHistory(sql, history))));
  if (!counts) {
    log("Historique de démonstration : la base a déjà des rendez-vous, rien d'ajouté");
    return { persons: 0, appointments: 0, referrals: 0, referralEvents: 0, snapshots: 0 };
  }
  log(
    `Historique de démonstration : ${counts.appointments} rendez-vous, ${counts.persons} personnes, ` +
      `${counts.referrals} orientations, ${counts.snapshots} relevés d'attente en ${Math.round(performance.now() - started)} ms`,
  );
  return counts;
}

const hasAppointments = async (sql: SqlSession) =>
  (await sql.query<{ any: boolean }>('SELECT EXISTS (SELECT 1 FROM "Appointment") AS any'))[0]?.any === true;

// ---------------------------------------------------------------- what the history is built from

interface Member {
  userId: string;
  role: "advisor" | "reception" | "structure_admin" | "referrer";
}

interface StructureInfo {
  id: string;
  name: string;
  zone: string;
  spro: boolean;
  territoryId: string | null;
  siteCommunes: string[];
  communes: string[];
  members: Member[];
  /** How busy its advisors are, before the month's load. */
  load: number;
}

interface OfferingInfo {
  id: string;
  structureId: string;
  serviceId: string;
  serviceSlug: string;
  bufferMinutes: number;
  horizonDays: number;
  bookableBy: "public" | "staff" | "referral";
  minAge: number | null;
  maxAge: number | null;
  situations: Situation[];
  seats: number;
}

interface History {
  persons: Prisma.PersonCreateManyInput[];
  appointments: Prisma.AppointmentCreateManyInput[];
  referrals: Prisma.ReferralCreateManyInput[];
  referralEvents: Prisma.ReferralEventCreateManyInput[];
  snapshots: Prisma.WaitingTimeSnapshotCreateManyInput[];
}

/** One appointment to write, as the placement decided it. */
interface Booking {
  offering: OfferingInfo;
  advisorId: string;
  siteId: string | null;
  mode: Mode;
  start: Date;
  end: Date;
  sessionKey: string | null;
  cancelled: boolean;
  /** The cancelled booking whose time this one took again. */
  after?: Booking;
  cancelledAt?: Date;
  id?: string;
}

async function buildHistory(db: Database, now: Date, options: HistoryOptions): Promise<History> {
  const zone = DEFAULT_ZONE;
  const today = localDateOf(now, zone);
  const from = DateTime.fromISO(today, { zone: "UTC" })
    .minus({ months: options.months ?? HISTORY_MONTHS })
    .toISODate() as LocalDate;
  const to = addDays(today, -1);
  const startOfToday = localInstant(today, 0, zone) as Date;
  const idKey = `history:${from}`;

  const { structures, offerings } = await loadDirectory(db.prisma);
  const bookings = await placeBookings(db.sql, offerings, structures, {
    from,
    to,
    zone,
    startOfToday,
    fill: options.fill ?? FILL,
  });
  const writer = new HistoryWriter(idKey, structures, offerings, now, startOfToday);
  writer.writeBookings(bookings);
  writer.writeOpenReferrals(from);
  writer.writeSnapshots(today, options.snapshotDays ?? 90);
  return writer.history;
}

async function loadDirectory(prisma: PrismaClient) {
  const rows = await prisma.structure.findMany({
    where: { active: true },
    orderBy: { slug: "asc" },
    select: {
      id: true,
      slug: true,
      name: true,
      timeZone: true,
      network: { select: { kind: true } },
      sites: { where: { active: true }, orderBy: { id: "asc" }, select: { communeCode: true } },
      memberships: {
        where: { user: { active: true } },
        orderBy: { id: "asc" },
        select: { userId: true, role: true },
      },
      offerings: {
        where: { active: true },
        orderBy: { id: "asc" },
        select: {
          ...offeringSelect,
          serviceId: true,
          bookableBy: true,
          minAge: true,
          maxAge: true,
          situations: true,
          service: { select: { slug: true } },
        },
      },
    },
  });
  const sectors = await prisma.$queryRaw<{ structureId: string; codes: string[] }[]>`
    SELECT "structureId", array_agg("communeCode" ORDER BY "communeCode") AS codes FROM "StructureCommune" GROUP BY 1`;
  const communesOf = new Map(sectors.map((s) => [s.structureId, s.codes]));
  const territories = await prisma.territoryCommune.findMany({
    where: { communeCode: { in: [...new Set(rows.flatMap((r) => r.sites.map((s) => s.communeCode)))] } },
    orderBy: [{ communeCode: "asc" }, { territoryId: "asc" }],
    select: { communeCode: true, territoryId: true },
  });
  const territoryOf = new Map(territories.map((t) => [t.communeCode, t.territoryId]));

  const structures = new Map<string, StructureInfo>();
  const offerings: { row: ReturnType<typeof toOfferingRow>; info: OfferingInfo }[] = [];
  for (const s of rows) {
    const siteCommunes = s.sites.map((site) => site.communeCode);
    const random = randomFor(`history:load:${s.slug}`);
    structures.set(s.id, {
      id: s.id,
      name: s.name,
      zone: s.timeZone,
      spro: s.network.kind === "spro",
      territoryId: siteCommunes.map((c) => territoryOf.get(c)).find((t) => t !== undefined) ?? null,
      siteCommunes,
      communes: communesOf.get(s.id) ?? siteCommunes,
      members: s.memberships,
      load: 0.45 + random.next() * 0.17,
    });
    for (const { service, serviceId, bookableBy, minAge, maxAge, situations, ...o } of s.offerings) {
      offerings.push({
        row: toOfferingRow(o),
        info: {
          id: o.id,
          structureId: s.id,
          serviceId,
          serviceSlug: service.slug,
          bufferMinutes: o.bufferMinutes,
          horizonDays: o.horizonDays,
          bookableBy,
          minAge,
          maxAge,
          situations,
          seats: o.seats,
        },
      });
    }
  }
  return { structures, offerings };
}

// ---------------------------------------------------------------- placing the meetings

/**
 * The meetings of the window, advisor by advisor: the free slots the slot engine lists for
 * staff (rules, holidays, closures, absences), walked in time order, each time taken with the
 * structure's load for the month, never before the end (and buffer) of the meeting before.
 */
async function placeBookings(
  sql: SqlSession,
  offerings: { row: ReturnType<typeof toOfferingRow>; info: OfferingInfo }[],
  structures: Map<string, StructureInfo>,
  window: { from: LocalDate; to: LocalDate; zone: string; startOfToday: Date; fill: number },
): Promise<Booking[]> {
  const windowStart = localInstant(window.from, 0, window.zone) as Date;
  const inputs = await loadAvailability(
    sql,
    offerings.map((o) => o.row),
    { from: window.from, to: window.to, now: windowStart, audience: "staff" },
  );
  const byAdvisor = new Map<string, { slot: Slot; offering: OfferingInfo }[]>();
  for (const { info } of offerings) {
    const input = inputs.get(info.id);
    if (!input) continue;
    for (const slot of freeSlots(input)) {
      if (slot.end > window.startOfToday) continue;
      const list = byAdvisor.get(slot.advisorId) ?? [];
      list.push({ slot, offering: info });
      byAdvisor.set(slot.advisorId, list);
    }
  }

  const bookings: Booking[] = [];
  for (const advisorId of [...byAdvisor.keys()].sort()) {
    const random = randomFor(`history:place:${advisorId}:${window.from}`);
    const candidates = (byAdvisor.get(advisorId) ?? []).sort((a, b) => a.slot.start.getTime() - b.slot.start.getTime());
    let freeAt = Number.NEGATIVE_INFINITY;
    let day = "";
    let dayLoad = 1;
    for (let i = 0; i < candidates.length; ) {
      const at = (candidates[i] as { slot: Slot }).slot.start.getTime();
      let j = i;
      while (j < candidates.length && (candidates[j] as { slot: Slot }).slot.start.getTime() === at) j++;
      const group = candidates.slice(i, j);
      i = j;
      if (at < freeAt) continue;
      const { slot, offering } = random.pick(group);
      const structure = structures.get(offering.structureId) as StructureInfo;
      const date = localDateOf(slot.start, structure.zone);
      if (date !== day) {
        day = date;
        dayLoad = 0.8 + random.next() * 0.4;
      }
      const month = Number(date.slice(5, 7)) - 1;
      const rate = Math.min(0.85, structure.load * (MONTH_LOAD[month] ?? 1) * dayLoad) * window.fill;
      const base = {
        offering,
        advisorId,
        siteId: slot.siteId,
        mode: slot.mode,
        start: slot.start,
        end: slot.end,
        sessionKey: slot.sessionKey,
      };
      if (offering.seats > 1) {
        // A collective session: held when anyone booked, with some of its seats taken.
        if (!random.chance(Math.min(0.95, rate * 1.5))) continue;
        const share = (rate / window.fill) * (0.5 + random.next() * 0.7);
        const seats = Math.max(1, Math.min(offering.seats, Math.round(offering.seats * share)));
        for (let seat = 0; seat < seats; seat++) bookings.push({ ...base, cancelled: random.chance(0.1) });
        freeAt = slot.end.getTime() + offering.bufferMinutes * MINUTE;
        continue;
      }
      if (!random.chance(rate)) continue;
      // A referral meeting cancelled would reopen its referral: those stay booked here.
      if (offering.bookableBy !== "referral" && random.chance(0.1)) {
        const cancelled: Booking = { ...base, cancelled: true };
        bookings.push(cancelled);
        // Someone else often takes the time given back.
        if (!random.chance(0.4)) continue;
        bookings.push({ ...base, cancelled: false, after: cancelled });
      } else bookings.push({ ...base, cancelled: false });
      freeAt = slot.end.getTime() + offering.bufferMinutes * MINUTE;
    }
  }
  // In time order (stable: a cancelled meeting before the one that took its time again).
  return bookings.sort((a, b) => a.start.getTime() - b.start.getTime());
}

// ---------------------------------------------------------------- people, channels, referrals

const CHANNEL_WEIGHTS: Record<"public" | "staff" | "referral" | "collective", [Channel, number][]> = {
  public: [
    ["online", 63],
    ["reception", 15],
    ["advisor", 12],
    ["referral", 10],
  ],
  staff: [
    ["reception", 50],
    ["advisor", 35],
    ["referral", 15],
  ],
  referral: [["referral", 1]],
  collective: [
    ["online", 85],
    ["reception", 10],
    ["advisor", 5],
  ],
};

/** Share of the meetings held that were missed (the rest: honoured or excused), by channel. */
const NO_SHOW: Record<Channel, number> = { online: 0.14, reception: 0.1, advisor: 0.07, referral: 0.13 };

type EventDraft = Omit<Prisma.ReferralEventCreateManyInput, "id" | "referralId">;

/** An honoured meeting a follow-up may continue. */
interface Followable {
  appointmentId: string;
  personId: string;
  advisorId: string;
  end: number;
}

class HistoryWriter {
  readonly history: History = { persons: [], appointments: [], referrals: [], referralEvents: [], snapshots: [] };
  private readonly random: Random;
  private readonly persons = new Map<string, Prisma.PersonCreateManyInput>();
  /** Honoured meetings a follow-up may continue, per structure, oldest first. */
  private readonly followable = new Map<string, Followable[]>();
  private readonly byService = new Map<string, string[]>();
  private counter = 0;

  constructor(
    private readonly idKey: string,
    private readonly structures: Map<string, StructureInfo>,
    offerings: { info: OfferingInfo }[],
    private readonly now: Date,
    private readonly startOfToday: Date,
  ) {
    this.random = randomFor(idKey);
    for (const { info } of offerings) {
      if (!structures.get(info.structureId)?.spro) continue;
      const list = this.byService.get(info.serviceId) ?? [];
      list.push(info.structureId);
      this.byService.set(info.serviceId, list);
    }
    this.offerings = offerings.map((o) => o.info);
  }

  private readonly offerings: OfferingInfo[];

  private id(kind: string): string {
    return stableUuid(this.idKey, kind, String(this.counter++));
  }

  writeBookings(bookings: Booking[]) {
    for (const booking of bookings) this.writeBooking(booking);
  }

  private writeBooking(b: Booking) {
    const random = this.random;
    const structure = this.structure(b.offering.structureId);
    const kind = b.offering.seats > 1 ? "collective" : b.offering.bookableBy;
    let channel = weighted(
      random,
      CHANNEL_WEIGHTS[kind].filter(([c]) => !(b.cancelled && c === "referral")),
    );
    let previous: Followable | undefined;
    if (channel === "advisor") {
      previous = this.followUpOf(structure.id, b.start.getTime());
      if (!previous) channel = "reception";
    }

    b.id = this.id("appointment");
    let personId: string;
    let createdAt: Date;
    let bookedById: string | null = null;
    if (previous) {
      personId = previous.personId;
      createdAt = new Date(previous.end + random.int(2, 10) * MINUTE);
      bookedById = this.isMember(structure, previous.advisorId) ? previous.advisorId : b.advisorId;
    } else if (channel === "referral") {
      const booked = this.referralFor(b, structure);
      personId = booked.personId;
      createdAt = booked.at;
      bookedById = booked.byId;
    } else {
      createdAt = this.bookingTime(b, channel === "online" ? 7 : 5, channel === "online", b.after?.cancelledAt);
      personId = this.newPerson(structure, b.offering, channel, createdAt).id as string;
      if (channel === "reception") bookedById = this.staffOf(structure, ["reception", "structure_admin", "advisor"]);
    }

    const row: Prisma.AppointmentCreateManyInput = {
      id: b.id,
      offeringId: b.offering.id,
      structureId: structure.id,
      siteId: b.siteId,
      mode: b.mode,
      advisorId: b.advisorId,
      personId,
      startsAt: b.start,
      endsAt: b.end,
      sessionKey: b.sessionKey,
      status: b.cancelled ? "cancelled" : "booked",
      channel,
      bookedById,
      icsSequence: b.cancelled ? 1 : 0,
      accessibilityNeeds: random.chance(0.02) ? random.pick(ACCESSIBILITY_NEEDS) : "",
      followUpOfId: previous?.appointmentId ?? null,
      createdAt,
      updatedAt: createdAt,
    };
    if (b.cancelled) {
      const earliest = createdAt.getTime() + HOUR;
      const latest = b.start.getTime() - 30 * MINUTE;
      const at = new Date(
        earliest < latest ? earliest + random.next() * (latest - earliest) : (createdAt.getTime() + latest) / 2,
      );
      b.cancelledAt = at;
      row.cancelledAt = at;
      row.cancelReason = random.pick(CANCEL_REASONS);
      row.updatedAt = at;
    } else {
      const roll = random.next();
      const outcome: AppointmentOutcome =
        roll < NO_SHOW[channel] ? "no_show" : roll < NO_SHOW[channel] + 0.08 ? "excused" : "honoured";
      const at = outcomeTime(random, outcome, b, createdAt, this.now);
      row.outcome = outcome;
      row.outcomeAt = at;
      row.updatedAt = at;
      if (outcome === "honoured" && b.offering.seats === 1) {
        const list = this.followable.get(structure.id) ?? [];
        list.push({ appointmentId: b.id, personId, advisorId: b.advisorId, end: b.end.getTime() });
        this.followable.set(structure.id, list);
      }
      if (this.pendingReferral) {
        this.events(this.pendingReferral.id as string, [
          { at, kind: "outcome", byId: b.advisorId, detail: OUTCOME_WORDS[outcome] },
        ]);
        this.pendingReferral.updatedAt = at;
      }
    }
    this.pendingReferral = undefined;
    this.touch(personId, b.start);
    this.history.appointments.push(row);
  }

  /** The referral of the meeting being written, whose timeline gets its outcome. */
  private pendingReferral: Prisma.ReferralCreateManyInput | undefined;

  /** An honoured meeting of the structure that ended 5 to 60 days before, not yet followed up. */
  private followUpOf(structureId: string, start: number) {
    const list = this.followable.get(structureId);
    if (!list) return undefined;
    while (list.length > 0 && (list[0] as { end: number }).end < start - 60 * DAY) list.shift();
    const index = list.findIndex((f) => f.end <= start - 5 * DAY);
    if (index < 0) return undefined;
    return list.splice(index, 1)[0];
  }

  /**
   * The referral a referral-channel meeting was booked for, with its timeline: booked at once
   * by the referrer, or after the target accepted it, or by the person with an invitation; now
   * and then after a first target redirected the person here.
   */
  private referralFor(b: Booking, target: StructureInfo): { personId: string; at: Date; byId: string | null } {
    const random = this.random;
    const serviceId = b.offering.serviceId;
    const bookedAt = this.bookingTime(b, 8, false);
    const origin = this.senderFor(target, serviceId);
    const originReferrer = this.staffOf(origin, origin.spro ? ["advisor", "structure_admin", "reception"] : ["referrer"]);
    // Now and then first sent elsewhere, which passed the person on here.
    const elsewhere = random.chance(0.12) ? this.otherTarget(target, origin, serviceId) : undefined;
    const sender = elsewhere ?? origin;
    const referrerId = elsewhere ? this.staffOf(elsewhere, ["advisor", "structure_admin", "reception"]) : originReferrer;
    const handlerId = this.staffOf(target, ["advisor", "reception", "structure_admin"]);
    const person = this.newPerson(target, b.offering, "referral", bookedAt);
    const personId = person.id as string;
    const need = this.need(b.offering.serviceSlug);

    const roll = random.next();
    const path = roll < 0.45 ? "referrer" : roll < 0.75 ? "target" : "invitation";
    const events: EventDraft[] = [];
    const invitation: Partial<Prisma.ReferralCreateManyInput> = {};
    let createdAt: Date;
    let byId: string | null;
    if (path === "referrer") {
      createdAt = new Date(bookedAt.getTime() - random.int(5, 20) * MINUTE);
      byId = referrerId;
    } else if (path === "target") {
      const acceptedAt = new Date(bookedAt.getTime() - random.int(0, 36) * HOUR - random.int(1, 50) * MINUTE);
      createdAt = new Date(acceptedAt.getTime() - random.int(3, 72) * HOUR);
      events.push({ at: acceptedAt, kind: "accepted", byId: handlerId });
      byId = handlerId;
    } else {
      createdAt = new Date(bookedAt.getTime() - random.int(1, 240) * HOUR);
      const invitedAt = new Date(createdAt.getTime() + random.int(2, 6) * MINUTE);
      invitation.invitedAt = invitedAt;
      invitation.invitationExpiresAt = new Date(invitedAt.getTime() + 14 * DAY);
      events.push({
        at: invitedAt,
        kind: "invited",
        byId: referrerId,
        detail: person.email ? `par courriel à ${person.email}` : "code remis à la personne",
      });
      const remindAt = invitedAt.getTime() + 3 * DAY;
      if (person.email && bookedAt.getTime() > remindAt) {
        invitation.invitationRemindedAt = new Date(remindAt);
        events.push({ at: new Date(remindAt), kind: "reminded", byId: null, detail: "rappel envoyé par courriel" });
      }
      person.noticeAcceptedAt = bookedAt;
      byId = null;
    }
    events.push({ at: bookedAt, kind: "booked", byId, detail: byId ? "" : "par la personne, avec son invitation" });

    let redirectedFromId: string | null = null;
    let consentAt = createdAt;
    if (elsewhere) {
      const firstAt = new Date(createdAt.getTime() - random.int(20, 140) * HOUR);
      const reason = random.pick(REDIRECT_REASONS);
      redirectedFromId = this.id("referral");
      this.history.referrals.push({
        id: redirectedFromId,
        fromStructureId: origin.id,
        referrerId: originReferrer,
        toStructureId: elsewhere.id,
        serviceId,
        personId,
        need,
        consentAt: firstAt,
        status: "redirected",
        statusReason: reason,
        createdAt: firstAt,
        updatedAt: createdAt,
      });
      this.events(redirectedFromId, [
        { at: firstAt, kind: "created", byId: originReferrer },
        { at: createdAt, kind: "redirected", byId: referrerId, detail: `vers ${target.name} : ${reason}` },
      ]);
      events.push({ at: createdAt, kind: "created", byId: referrerId, detail: `réorientée par ${elsewhere.name}` });
      consentAt = firstAt;
    } else events.push({ at: createdAt, kind: "created", byId: referrerId });

    const row: Prisma.ReferralCreateManyInput = {
      id: this.id("referral"),
      fromStructureId: sender.id,
      referrerId,
      toStructureId: target.id,
      serviceId,
      personId,
      need,
      consentAt,
      status: "booked",
      redirectedFromId,
      appointmentId: b.id,
      ...invitation,
      createdAt,
      updatedAt: bookedAt,
    };
    this.history.referrals.push(row);
    this.events(row.id as string, events);
    this.pendingReferral = row;
    this.touch(personId, createdAt);
    return { personId, at: bookedAt, byId };
  }

  /**
   * Referrals that led to no meeting: declined, expired, redirected and then stopped, or still
   * waiting (the last days). About half as many as those booked.
   */
  writeOpenReferrals(from: LocalDate) {
    const random = this.random;
    const booked = this.history.referrals.filter((r) => r.status === "booked");
    const count = Math.round(booked.length * 0.55);
    const windowStart = (localInstant(from, 0, DEFAULT_ZONE) as Date).getTime();
    const settledEnd = this.startOfToday.getTime() - 20 * DAY;
    const recentStart = this.startOfToday.getTime() - 12 * DAY;
    for (let n = 0; n < count && booked.length > 0; n++) {
      const model = random.pick(booked);
      const target = this.structure(model.toStructureId);
      const offering = this.offerings.find((o) => o.structureId === target.id && o.serviceId === model.serviceId);
      if (!offering) continue;
      const from = this.senderFor(target, offering.serviceId);
      const referrerId = this.staffOf(from, from.spro ? ["advisor", "structure_admin", "reception"] : ["referrer"]);
      const handlerId = this.staffOf(target, ["advisor", "reception", "structure_admin"]);
      const roll = random.next();
      const fate = roll < 0.3 ? "declined" : roll < 0.6 ? "expired" : roll < 0.72 ? "redirected" : "waiting";
      const createdAt =
        fate === "waiting"
          ? officeTime(random, recentStart + random.next() * (this.now.getTime() - recentStart - 2 * HOUR), target.zone)
          : officeTime(random, windowStart + random.next() * (settledEnd - windowStart), target.zone);
      if (createdAt >= this.now) continue;
      const person = this.newPerson(target, offering, "referral", createdAt);
      const personId = person.id as string;
      const id = this.id("referral");
      const row: Prisma.ReferralCreateManyInput = {
        id,
        fromStructureId: from.id,
        referrerId,
        toStructureId: target.id,
        serviceId: offering.serviceId,
        personId,
        need: this.need(offering.serviceSlug),
        consentAt: createdAt,
        status: "sent",
        createdAt,
        updatedAt: createdAt,
      };
      this.history.referrals.push(row);
      const events: EventDraft[] = [{ at: createdAt, kind: "created", byId: referrerId }];
      const later = (hours: number) => new Date(createdAt.getTime() + hours * HOUR + random.int(1, 59) * MINUTE);
      if (fate === "declined") {
        const reason = random.pick(DECLINE_REASONS);
        const at = later(random.int(2, 96));
        Object.assign(row, { status: "declined", statusReason: reason, updatedAt: at });
        events.push({ at, kind: "declined", byId: handlerId, detail: reason });
      } else if (fate === "expired") {
        this.invite(row, events, person, createdAt, referrerId, true);
      } else if (fate === "redirected") {
        const elsewhere = this.otherTarget(target, from, offering.serviceId);
        if (!elsewhere) {
          row.status = "sent";
        } else {
          const reason = random.pick(REDIRECT_REASONS);
          const at = later(random.int(2, 72));
          Object.assign(row, { status: "redirected", statusReason: reason, updatedAt: at });
          events.push({ at, kind: "redirected", byId: handlerId, detail: `vers ${elsewhere.name} : ${reason}` });
          const nextId = this.id("referral");
          const next: Prisma.ReferralCreateManyInput = {
            id: nextId,
            fromStructureId: target.id,
            referrerId: handlerId,
            toStructureId: elsewhere.id,
            serviceId: offering.serviceId,
            personId,
            need: row.need,
            consentAt: createdAt,
            status: "sent",
            redirectedFromId: id,
            createdAt: at,
            updatedAt: at,
          };
          this.history.referrals.push(next);
          const nextEvents: EventDraft[] = [{ at, kind: "created", byId: handlerId, detail: `réorientée par ${target.name}` }];
          if (random.chance(0.5)) {
            const declinedAt = new Date(at.getTime() + random.int(2, 72) * HOUR);
            const declineReason = random.pick(DECLINE_REASONS);
            Object.assign(next, { status: "declined", statusReason: declineReason, updatedAt: declinedAt });
            nextEvents.push({
              at: declinedAt,
              kind: "declined",
              byId: this.staffOf(elsewhere, ["advisor", "reception", "structure_admin"]),
              detail: declineReason,
            });
          } else this.invite(next, nextEvents, person, at, handlerId, true);
          this.events(nextId, nextEvents);
        }
      } else {
        // Still waiting: accepted by the target, or an invitation not used yet, or nothing yet.
        const next = random.next();
        const at = later(random.int(1, 30));
        if (next < 0.4 && at < this.now) {
          Object.assign(row, { status: "accepted", updatedAt: at });
          events.push({ at, kind: "accepted", byId: handlerId });
        } else if (next >= 0.4 && next < 0.64) this.invite(row, events, person, createdAt, referrerId, false);
      }
      this.events(id, events);
      this.touch(personId, createdAt);
    }
  }

  /** An invitation sent with the referral; `expire` lets it run out (when its end is past). */
  private invite(
    row: Prisma.ReferralCreateManyInput,
    events: EventDraft[],
    person: Prisma.PersonCreateManyInput,
    at: Date,
    byId: string,
    expire: boolean,
  ) {
    const invitedAt = new Date(at.getTime() + this.random.int(2, 6) * MINUTE);
    const expiresAt = new Date(invitedAt.getTime() + 14 * DAY);
    row.invitedAt = invitedAt;
    row.invitationExpiresAt = expiresAt;
    row.updatedAt = invitedAt;
    events.push({
      at: invitedAt,
      kind: "invited",
      byId,
      detail: person.email ? `par courriel à ${person.email}` : "code remis à la personne",
    });
    const remindAt = new Date(invitedAt.getTime() + 3 * DAY);
    if (person.email && remindAt < this.now) {
      row.invitationRemindedAt = remindAt;
      events.push({ at: remindAt, kind: "reminded", byId: null, detail: "rappel envoyé par courriel" });
    }
    if (expire && expiresAt < this.now) {
      // The sweep runs every minute: it expires an invitation within the minute.
      const expiredAt = new Date(expiresAt.getTime() + this.random.int(0, 59) * 1000);
      row.status = "expired";
      row.updatedAt = expiredAt;
      events.push({ at: expiredAt, kind: "expired", byId: null, detail: "l'invitation n'a pas servi" });
    }
  }

  private events(referralId: string, events: EventDraft[]) {
    for (const event of events.sort((a, b) => (a.at as Date).getTime() - (b.at as Date).getTime())) {
      this.history.referralEvents.push({ id: this.id("referral-event"), referralId, ...event });
    }
  }

  /** Who refers to a structure: mostly a partner (CCAS, social centre…) of its territory, else another SPRO structure. */
  private senderFor(target: StructureInfo, serviceId: string): StructureInfo {
    const random = this.random;
    const all = [...this.structures.values()].filter((s) => s.id !== target.id && s.members.length > 0);
    const near = all.filter((s) => s.territoryId !== null && s.territoryId === target.territoryId);
    const partners = near.filter((s) => !s.spro && s.members.some((m) => m.role === "referrer"));
    const spro = near.filter((s) => s.spro && !this.byService.get(serviceId)?.includes(s.id));
    if (partners.length > 0 && (random.chance(0.6) || spro.length === 0)) return random.pick(partners);
    if (spro.length > 0) return random.pick(spro);
    const anyPartner = all.filter((s) => !s.spro && s.members.some((m) => m.role === "referrer"));
    return random.pick(anyPartner.length > 0 ? anyPartner : all);
  }

  /** Another SPRO structure offering the service, nearby if possible. */
  private otherTarget(target: StructureInfo, from: StructureInfo, serviceId: string): StructureInfo | undefined {
    const ids = (this.byService.get(serviceId) ?? []).filter((id) => id !== target.id && id !== from.id);
    const candidates = ids.map((id) => this.structure(id)).filter((s) => s.members.length > 0);
    const near = candidates.filter((s) => s.territoryId === target.territoryId);
    const pool = near.length > 0 ? near : candidates;
    return pool.length > 0 ? this.random.pick(pool) : undefined;
  }

  /** When a meeting was booked: `median` days before (1 to 30), in the day (online) or office hours. */
  private bookingTime(b: Booking, median: number, online: boolean, notBefore?: Date): Date {
    const random = this.random;
    const zone = this.structure(b.offering.structureId).zone;
    if (notBefore) {
      // The time given back by a cancellation, taken again before the meeting.
      const span = b.start.getTime() - notBefore.getTime();
      return new Date(notBefore.getTime() + Math.max(MINUTE, random.next() * span * 0.9));
    }
    const days = Math.max(1, Math.min(30, Math.round(Math.exp(Math.log(median) + 0.75 * gaussian(random)))));
    let date = addDays(localDateOf(b.start, zone), -days);
    if (!online) while (isoWeekday(date) > 5) date = addDays(date, -1);
    const minutes = online ? random.int(7 * 60 + 30, 22 * 60) : random.int(8 * 60 + 45, 17 * 60 + 30);
    return localInstant(date, minutes, zone) ?? new Date(b.start.getTime() - days * DAY);
  }

  private newPerson(
    structure: StructureInfo,
    offering: OfferingInfo,
    channel: Channel,
    createdAt: Date,
  ): Prisma.PersonCreateManyInput {
    const random = this.random;
    const firstName = random.pick(PERSON_FIRST_NAMES);
    const lastName = random.pick(PERSON_LAST_NAMES);
    const emailChance = channel === "online" ? 0.92 : channel === "referral" ? 0.6 : 0.5;
    const phoneChance = channel === "online" ? 0.65 : 0.9;
    const hasEmail = random.chance(emailChance);
    const hasPhone = random.chance(phoneChance) || !hasEmail;
    const pair = () => String(random.int(0, 99)).padStart(2, "0");
    const situation = pickSituation(random, offering);
    const age = ageFor(random, situation, offering);
    const person: Prisma.PersonCreateManyInput = {
      id: this.id("person"),
      firstName,
      lastName,
      email: hasEmail
        ? `${asciiSlug(firstName)}.${asciiSlug(lastName)}${random.chance(0.5) ? random.int(1, 99) : ""}@example.org`
        : null,
      // The range ARCEP reserves for fiction, 06 39 98 … (in Mayotte's block, hence +262), in
      // E.164 as every number is stored: nobody real is called or texted from the demo.
      phone: hasPhone ? `+26263998${pair()}${pair()}` : null,
      birthYear: random.chance(0.85) ? this.now.getUTCFullYear() - age : null,
      situation: random.chance(0.9) ? situation : null,
      communeCode:
        random.chance(0.5) || structure.communes.length === 0
          ? (random.pick(structure.siteCommunes.length > 0 ? structure.siteCommunes : structure.communes) ?? null)
          : random.pick(structure.communes),
      noticeAcceptedAt: channel === "online" ? createdAt : null,
      createdAt,
      lastActivityAt: createdAt,
    };
    this.persons.set(person.id as string, person);
    this.history.persons.push(person);
    return person;
  }

  /** The person's last activity: their last meeting (or referral). */
  private touch(personId: string, at: Date) {
    const person = this.persons.get(personId);
    if (person && (person.lastActivityAt as Date) < at) person.lastActivityAt = at;
  }

  private need(serviceSlug: string): string {
    const list = NEEDS[serviceSlug];
    return list ? this.random.pick(list) : DEFAULT_NEED;
  }

  private structure(id: string): StructureInfo {
    const s = this.structures.get(id);
    if (!s) throw new Error(`Structure inconnue : ${id}`);
    return s;
  }

  private isMember(structure: StructureInfo, userId: string) {
    return structure.members.some((m) => m.userId === userId);
  }

  /** A staff member holding the first of the roles the structure has. */
  private staffOf(structure: StructureInfo, roles: Member["role"][]): string {
    for (const role of roles) {
      const holders = structure.members.filter((m) => m.role === role);
      if (holders.length > 0) return this.random.pick(holders).userId;
    }
    return this.random.pick(structure.members).userId;
  }

  /**
   * The next free slot as recorded each night at 00:05, for each public offering over the last
   * `days` days (today excluded: the daily job records it): a wait of its own per structure and
   * service, longer in busy months, coming down to what tonight's real snapshot will find, now and
   * then nothing within the horizon.
   */
  writeSnapshots(today: LocalDate, days: number) {
    const first = addDays(today, -days);
    const dates = datesBetween(first, addDays(today, -1));
    for (const o of this.offerings) {
      if (o.bookableBy !== "public") continue;
      const structure = this.structure(o.structureId);
      if (!structure.spro) continue;
      const random = randomFor(`${this.idKey}:wait:${o.id}`);
      const base = o.seats > 1 ? 6 + random.next() * 14 : Math.exp(Math.log(1.5) + random.next() * Math.log(12));
      // The demo's future is empty, so tonight's real snapshot finds a slot within a few days:
      // the invented past comes down to that, as if online booking had shortened the waits.
      const tonight = 1 + random.next() * 2;
      let walk = 1;
      dates.forEach((date, index) => {
        walk = Math.min(1.5, Math.max(0.6, walk * (0.9 + random.next() * 0.2)));
        const month = Number(date.slice(5, 7)) - 1;
        const t = ((index + 1) / dates.length) ** 1.5;
        const wait = base * (MONTH_LOAD[month] ?? 1) ** 2 * walk * (1 - t) + tonight * t;
        const takenAt = localInstant(date, 5, structure.zone) as Date;
        let next: Date | null = null;
        if (wait <= o.horizonDays && !random.chance(0.02)) {
          let day = addDays(date, Math.max(1, Math.round(wait)));
          while (isoWeekday(day) > 5) day = addDays(day, 1);
          next = localInstant(day, 9 * 60 + 30 * random.int(0, 14), structure.zone) ?? null;
        }
        this.history.snapshots.push({
          day: new Date(`${date}T00:00:00.000Z`),
          structureId: structure.id,
          serviceId: o.serviceId,
          takenAt,
          nextSlotAt: next,
        });
      });
    }
  }
}

function weighted<T>(random: Random, options: [T, number][]): T {
  let roll = random.next() * options.reduce((sum, [, w]) => sum + w, 0);
  for (const [value, weight] of options) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return (options.at(-1) as [T, number])[0];
}

/** A standard normal draw (Box–Muller). */
function gaussian(random: Random): number {
  const u = Math.max(random.next(), 1e-9);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.next());
}

/** An instant moved into office hours of its local day (weekdays). */
function officeTime(random: Random, ms: number, zone: string): Date {
  let date = localDateOf(new Date(ms), zone);
  while (isoWeekday(date) > 5) date = addDays(date, -1);
  return localInstant(date, random.int(9 * 60, 17 * 60), zone) ?? new Date(ms);
}

/** When the advisor recorded the outcome: after the meeting, or before it for a warned absence. */
function outcomeTime(random: Random, outcome: AppointmentOutcome, b: Booking, bookedAt: Date, now: Date): Date {
  const at =
    outcome === "excused"
      ? b.start.getTime() - random.int(10, 180) * MINUTE
      : outcome === "no_show"
        ? b.start.getTime() + random.int(20, 240) * MINUTE
        : b.end.getTime() + random.int(2, 90) * MINUTE;
  return new Date(Math.min(Math.max(at, bookedAt.getTime() + MINUTE), now.getTime() - MINUTE));
}

const SITUATION_AGES: Record<Situation, [number, number]> = {
  pupil: [14, 18],
  student: [18, 25],
  neet: [16, 25],
  job_seeker: [19, 58],
  employee: [23, 60],
  self_employed: [26, 60],
  executive: [30, 60],
  retired: [62, 75],
  rsa_beneficiary: [25, 60],
  other: [20, 60],
};

function pickSituation(random: Random, offering: OfferingInfo): Situation {
  if (offering.situations.length > 0) return random.pick(offering.situations);
  if (offering.serviceSlug === "entretien-orientation-cio")
    return weighted(random, [
      ["pupil", 70],
      ["student", 15],
      ["job_seeker", 10],
      ["employee", 5],
    ]);
  return weighted(random, [
    ["job_seeker", 40],
    ["employee", 32],
    ["student", 8],
    ["neet", 8],
    ["self_employed", 5],
    ["executive", 5],
    ["pupil", 2],
  ]);
}

function ageFor(random: Random, situation: Situation, offering: OfferingInfo): number {
  const [low, high] = SITUATION_AGES[situation];
  const min = Math.max(low, offering.minAge ?? 0);
  const max = Math.min(high, offering.maxAge ?? 99);
  return min <= max ? random.int(min, max) : random.int(offering.minAge ?? low, offering.maxAge ?? high);
}

// ---------------------------------------------------------------- writing

async function insertHistory(sql: SqlSession, h: History): Promise<HistoryCounts> {
  return {
    persons: await insertRows(sql, "Person", h.persons),
    appointments: await insertRows(sql, "Appointment", h.appointments),
    referrals: await insertRows(sql, "Referral", h.referrals),
    referralEvents: await insertRows(sql, "ReferralEvent", h.referralEvents),
    snapshots: await insertRows(sql, "WaitingTimeSnapshot", h.snapshots, { skipDuplicates: true }),
  };
}
