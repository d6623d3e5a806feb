import { randomUUID } from "node:crypto";
import { type OfferDetails, waitlistOfferEmail } from "../../../emails/waitlist.ts";
import { smsWaitlistOffer } from "../../../sms/waitlist-sms.ts";
import type { Config } from "../../config.ts";
import { type SqlSession, statement } from "../../db/database.ts";
import { freeSlots, type Mode, type Slot } from "../../domain/availability.ts";
import { smsNumber } from "../../domain/contact.ts";
import { localDateOf, localInstant } from "../../domain/time.ts";
import { holdEnds, MAX_OFFERS, mayOffer, type Waiting } from "../../domain/waitlist.ts";
import { enqueue, type OutboxRow, smsRow } from "../../mail/outbox.ts";
import { newManageToken } from "../appointments/manage-token.ts";
import { loadAvailability, type OfferingRow } from "../slots/load-availability.ts";

/** Time an advisor no longer spends as it did: a meeting cancelled or moved, a range opened, an absence removed. */
export interface FreedTime {
  advisorId: string;
  from: Date;
  to: Date;
}

export interface WaitlistContext {
  now: Date;
  config: Pick<Config, "publicUrl" | "sessionSecret">;
}

/** The outbox task that ends a hold (jobs/tasks.ts): due when the hold ends, its recipient the offer's id. */
export const HOLD_ENDS = "waitlist.hold-ends";

// The offerings this advisor's ranges open for which someone waits. Nobody waiting: one cheap
// statement is all a cancellation or a move pays for the list.
const WAITED_OFFERINGS = statement(
  "waitlist-waited-offerings",
  `SELECT o.id, o."structureId", st."timeZone", o."durationMinutes", o."bufferMinutes", o.modes::text[] AS modes,
          o."minNoticeMinutes", o."horizonDays", o.seats, sv.name AS service, st.name AS structure
     FROM "Offering" o
     JOIN "Structure" st ON st.id = o."structureId" AND st.active
     JOIN "Service" sv ON sv.id = o."serviceId"
    WHERE o.id IN (SELECT ro."offeringId" FROM "AvailabilityRuleOffering" ro
                     JOIN "AvailabilityRule" r ON r.id = ro."ruleId" AND r."advisorId" = $1::uuid)
      AND o.active AND o.seats = 1
      AND EXISTS (SELECT 1 FROM "WaitlistEntry" e WHERE e."offeringId" = o.id AND e."endedAt" IS NULL)`,
);

type WaitedOffering = OfferingRow & { service: string; structure: string };

// Who waits for an offering, first come first served: no offer open, fewer than three, none since
// the start of today ($3), still waiting ($2), with a meeting later than the earliest freed slot ($4).
const WAITING = statement(
  "waitlist-waiting",
  `SELECT e.id, e."personId", e."halfDays", e.modes::text[] AS modes, e.until, e."appointmentId",
          a."startsAt" AS "meetingStart", a.mode::text AS "meetingMode", coalesce(w.sent, 0)::int AS "offersSent", w.last AS "lastOfferAt",
          p."firstName", p.email, p.phone, p."smsReminders"
     FROM "WaitlistEntry" e
     JOIN "Person" p ON p.id = e."personId" AND p."anonymisedAt" IS NULL
     LEFT JOIN "Appointment" a ON a.id = e."appointmentId"
     LEFT JOIN LATERAL (SELECT count(*) AS sent, max("createdAt") AS last, bool_or(status = 'open') AS open
                          FROM "WaitlistOffer" WHERE "entryId" = e.id) w ON true
    WHERE e."offeringId" = $1::uuid AND e."endedAt" IS NULL
      AND (e.until IS NULL OR e.until > $2)
      AND coalesce(w.sent, 0) < ${MAX_OFFERS} AND (w.last IS NULL OR w.last < $3) AND w.open IS NOT TRUE
      AND (e."appointmentId" IS NULL OR (a.status = 'booked' AND a.outcome IS NULL AND a."startsAt" > $4))
    ORDER BY e.queue
    LIMIT 200`,
);

interface WaitingRow extends Waiting {
  id: string;
  meetingMode: Mode | null;
  personId: string;
  appointmentId: string | null;
  firstName: string;
  email: string | null;
  phone: string | null;
  smsReminders: boolean;
}

// The hold, unless the person was given one meanwhile (a concurrent change): then the next person is tried.
const HOLD = statement(
  "waitlist-hold",
  `INSERT INTO "WaitlistOffer" (id, "entryId", "offeringId", "advisorId", "siteId", mode, "startsAt", "endsAt", "tokenHash",
                               "createdAt", "holdUntil")
   VALUES ($1::uuid, $2::uuid, $3::uuid, $4::uuid, $5::uuid, $6::"Mode", $7, $8, $9, $10, $11)
   ON CONFLICT ("entryId") WHERE status = 'open' DO NOTHING
   RETURNING id`,
);

const PLACE = statement(
  "waitlist-place",
  `SELECT s.name, s.address, s.postcode, s."accessInfo", c.name AS commune
     FROM "Site" s JOIN "Commune" c ON c.code = s."communeCode" WHERE s.id = $1::uuid`,
);

/** At most this many offers go out for one change (a new range may open weeks of slots). */
const MOST_OFFERS_AT_ONCE = 50;

/**
 * Offers freed time to the people waiting for it, in the caller's transaction — the one that
 * freed it, so that no change frees time without its offers, and no scan looks for it later.
 * For each offering this advisor serves and someone waits for, the free slots that overlap the
 * freed time go, earliest first, each to the first person in order of joining whom it suits
 * (`mayOffer`): a hold, the offer by e-mail and SMS, and the task that ends the hold. Returns
 * how many offers went out.
 */
export async function offerFreedTime(sql: SqlSession, freed: FreedTime, context: WaitlistContext): Promise<number> {
  const offerings = await sql.query<WaitedOffering>(WAITED_OFFERINGS, [freed.advisorId]);
  let sent = 0;
  for (const offering of offerings) {
    if (sent >= MOST_OFFERS_AT_ONCE) break;
    sent += await offerSlots(sql, offering, freed, context, MOST_OFFERS_AT_ONCE - sent);
  }
  return sent;
}

/** The longest horizon an offering may have (admin/schemas.ts): how far opened time is looked for. */
const FURTHEST_DAYS = 366;

/**
 * Offers an advisor's free time, as far as the offerings' horizons reach, to whoever waits for
 * it: after a range was added or widened, an absence or a closure removed — time opened that
 * was not before, or free time the people waiting had not been offered.
 */
export function offerOpenedTime(sql: SqlSession, advisorId: string, context: WaitlistContext): Promise<number> {
  const to = new Date(context.now.getTime() + FURTHEST_DAYS * 86_400_000);
  return offerFreedTime(sql, { advisorId, from: context.now, to }, context);
}

async function offerSlots(
  sql: SqlSession,
  offering: WaitedOffering,
  freed: FreedTime,
  { now, config }: WaitlistContext,
  most: number,
): Promise<number> {
  const zone = offering.timeZone;
  const from = localDateOf(new Date(Math.max(freed.from.getTime(), now.getTime())), zone);
  const horizon = new Date(now.getTime() + offering.horizonDays * 86_400_000);
  const to = localDateOf(freed.to < horizon ? freed.to : horizon, zone);
  if (to < from) return 0;
  const input = (await loadAvailability(sql, [offering], { from, to, now, audience: "public", advisorId: freed.advisorId })).get(
    offering.id,
  );
  if (!input) return 0;
  // Earliest first; the slots of one time (two places or modes of the advisor) are one freed time.
  const times = new Map<number, Slot[]>();
  for (const slot of freeSlots(input)) {
    if (slot.advisorId !== freed.advisorId || slot.start >= freed.to || slot.end <= freed.from || slot.seatsLeft < 1) continue;
    const same = times.get(slot.start.getTime());
    if (same) same.push(slot);
    else times.set(slot.start.getTime(), [slot]);
  }
  const starts = [...times.keys()].sort((a, b) => a - b);
  if (starts.length === 0) return 0;
  const today = localInstant(localDateOf(now, zone), 0, zone) ?? now;
  const waiting = await sql.query<WaitingRow>(WAITING, [offering.id, now, today, new Date(starts[0] as number)]);
  const served = new Set<string>();
  let sent = 0;
  for (const start of starts) {
    if (sent >= most) break;
    const until = holdEnds(now, zone, { start: new Date(start), minNoticeMinutes: offering.minNoticeMinutes });
    if (!until) continue;
    const choices = times.get(start) ?? [];
    for (const person of waiting) {
      if (served.has(person.id)) continue;
      // Of the places at that time, one that suits them — the mode of their meeting if it can be.
      const suiting = choices.filter((slot) => mayOffer(person, slot, now, zone));
      const slot = suiting.find((s) => s.mode === person.meetingMode) ?? suiting[0];
      if (!slot) continue;
      served.add(person.id);
      if (await hold(sql, offering, slot, person, until, { now, config })) {
        sent++;
        break;
      }
    }
  }
  return sent;
}

/** The hold, its messages and the task that ends it; false when the person was just given another. */
async function hold(
  sql: SqlSession,
  offering: WaitedOffering,
  slot: Slot,
  person: WaitingRow,
  holdUntil: Date,
  { now, config }: WaitlistContext,
): Promise<boolean> {
  const { token, hash } = newManageToken();
  const id = randomUUID();
  const [held] = await sql.query<{ id: string }>(HOLD, [
    id,
    person.id,
    offering.id,
    slot.advisorId,
    slot.siteId,
    slot.mode satisfies Mode,
    slot.start,
    slot.end,
    hash,
    now,
    holdUntil,
  ]);
  if (!held) return false;
  const [site] = slot.siteId
    ? await sql.query<{ name: string; address: string; postcode: string; accessInfo: string; commune: string }>(PLACE, [
        slot.siteId,
      ])
    : [];
  const offer: OfferDetails = {
    firstName: person.firstName,
    service: offering.service,
    structure: { name: offering.structure },
    zone: offering.timeZone,
    start: slot.start,
    end: slot.end,
    mode: slot.mode,
    site: site ?? null,
    offeredAt: now,
    holdUntil,
    current: person.meetingStart,
    url: `${config.publicUrl}/offre/${token}`,
  };
  const rows: OutboxRow[] = [];
  if (person.email)
    rows.push({ type: "waitlist.offer", recipient: person.email, dueAt: now, payload: waitlistOfferEmail(offer) });
  const mobile = smsNumber(person);
  if (mobile) rows.push(smsRow("waitlist.offer", mobile, now, smsWaitlistOffer(offer), { zone: offer.zone, start: slot.start }));
  await enqueue(sql, config.sessionSecret, [
    ...rows.map((row) => ({ ...row, appointmentId: person.appointmentId ?? undefined })),
    { type: HOLD_ENDS, recipient: id, dueAt: holdUntil },
  ]);
  return true;
}
