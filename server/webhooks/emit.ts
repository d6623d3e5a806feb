import { randomUUID } from "node:crypto";
import { type SqlSession, statement } from "../db/database.ts";
import { seal } from "../db/sealed.ts";
import {
  type AppointmentFacts,
  appointmentData,
  availabilityData,
  eventType,
  type ReferralFacts,
  referralData,
  type WebhookEventName,
} from "../domain/webhooks.ts";

// Events are written as deliveries in the transaction of the change that causes them, like the
// outbox's e-mails: a change rolled back sends nothing, a change committed is delivered even if
// the process dies the next instant. Every delivery's body is sealed: it may name a person.

/** What emitting needs from its caller: the time of the change and the secret deliveries are sealed with. */
export interface EmitContext {
  now: Date;
  secret: string;
}

/** The body of a delivery, as Standard Webhooks writes it. */
export interface WebhookBody {
  type: string;
  timestamp: string;
  data: unknown;
}

interface Subscriber {
  id: string;
  structureId: string;
}

const SUBSCRIBERS = statement(
  "webhook-subscribers",
  `SELECT id, "structureId" FROM "WebhookEndpoint"
    WHERE "structureId" = ANY($1::uuid[]) AND "disabledAt" IS NULL AND $2::"WebhookEvent" = ANY(events)`,
);
// An appointment's structure read in the same statement: a booking without subscribers pays one
// indexed look-up, nothing more.
const APPOINTMENT_SUBSCRIBERS = statement(
  "webhook-appointment-subscribers",
  `SELECT e.id, e."structureId" FROM "Appointment" a
     JOIN "WebhookEndpoint" e ON e."structureId" = a."structureId"
    WHERE a.id = $1::uuid AND e."disabledAt" IS NULL AND $2::"WebhookEvent" = ANY(e.events)`,
);
const INSERT = statement(
  "webhook-deliveries-insert",
  `INSERT INTO "WebhookDelivery" (id, "endpointId", event, payload, "orderKey", "createdAt", "dueAt")
   SELECT r.id, r."endpointId", r.event::"WebhookEvent", r.payload, r."orderKey", r.at, r.at
     FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, "endpointId" uuid, event text, payload jsonb, "orderKey" text, at timestamptz)`,
);

async function deliver(
  sql: SqlSession,
  context: EmitContext,
  subscribers: readonly Subscriber[],
  event: WebhookEventName,
  orderKey: string,
  data: (structureId: string) => Promise<unknown> | unknown,
): Promise<void> {
  if (subscribers.length === 0) return;
  const told = new Map<string, unknown>();
  const rows = [];
  for (const endpoint of subscribers) {
    if (!told.has(endpoint.structureId)) told.set(endpoint.structureId, await data(endpoint.structureId));
    const body: WebhookBody = {
      type: eventType(event),
      timestamp: context.now.toISOString(),
      data: told.get(endpoint.structureId),
    };
    rows.push({
      id: randomUUID(),
      endpointId: endpoint.id,
      event,
      payload: seal(context.secret, body),
      orderKey,
      at: context.now,
    });
  }
  await sql.query(INSERT, [JSON.stringify(rows)]);
}

/**
 * Writes one delivery per live endpoint of `structureIds` subscribed to `event`, in the caller's
 * transaction; `data` says what the event tells each structure (asked only if one listens).
 * Deliveries of one `orderKey` reach an endpoint in the order they were emitted.
 */
export async function emitEvent(
  sql: SqlSession,
  context: EmitContext,
  spec: {
    structureIds: readonly string[];
    event: WebhookEventName;
    orderKey: string;
    data: (structureId: string) => Promise<unknown> | unknown;
  },
): Promise<void> {
  const ids = [...new Set(spec.structureIds)];
  if (ids.length === 0) return;
  const subscribers = await sql.query<Subscriber>(SUBSCRIBERS, [ids, spec.event]);
  await deliver(sql, context, subscribers, spec.event, spec.orderKey, spec.data);
}

const APPOINTMENT_FACTS = statement(
  "webhook-appointment-facts",
  `SELECT a.id, a.status::text AS status, date_part('epoch', a."startsAt") * 1000 AS "startMs",
          date_part('epoch', a."endsAt") * 1000 AS "endMs", a.mode::text AS mode, a.channel::text AS channel,
          a.outcome::text AS outcome,
          json_build_object('id', st.id, 'name', st.name) AS structure,
          json_build_object('id', o.id) AS offering,
          json_build_object('id', sv.id, 'slug', sv.slug, 'name', sv.name) AS service,
          CASE WHEN si.id IS NULL THEN NULL ELSE json_build_object('id', si.id, 'name', si.name) END AS site,
          json_build_object('id', u.id, 'firstName', u."firstName", 'lastName', u."lastName") AS advisor,
          json_build_object('firstName', p."firstName", 'lastName', p."lastName", 'email', p.email, 'phone', p.phone) AS person
     FROM "Appointment" a
     JOIN "Offering" o ON o.id = a."offeringId"
     JOIN "Service" sv ON sv.id = o."serviceId"
     JOIN "Structure" st ON st.id = a."structureId"
     LEFT JOIN "Site" si ON si.id = a."siteId"
     JOIN "Person" p ON p.id = a."personId"
     JOIN "StaffUser" u ON u.id = a."advisorId"
    WHERE a.id = $1::uuid`,
);

type AppointmentEventKind = "booked" | "moved" | "cancelled" | "outcome";

/**
 * An appointment's event, to its own structure's endpoints only (a shared advisor's other
 * structures are not told: they see busy time). In the transaction of the change.
 */
export async function emitAppointmentEvent(
  sql: SqlSession,
  context: EmitContext,
  appointmentId: string,
  kind: AppointmentEventKind,
  extra: { previous?: { startsAt: Date; endsAt: Date } } = {},
): Promise<void> {
  const event = `appointment_${kind}` as const;
  const subscribers = await sql.query<Subscriber>(APPOINTMENT_SUBSCRIBERS, [appointmentId, event]);
  await deliver(sql, context, subscribers, event, `appointment:${appointmentId}`, async () => {
    const [row] = await sql.query<Omit<AppointmentFacts, "startsAt" | "endsAt"> & { startMs: number; endMs: number }>(
      APPOINTMENT_FACTS,
      [appointmentId],
    );
    if (!row) return null;
    const { startMs, endMs, ...rest } = row;
    return appointmentData({ ...rest, startsAt: new Date(Number(startMs)), endsAt: new Date(Number(endMs)) }, extra);
  });
}

const REFERRAL_FACTS = statement(
  "webhook-referral-facts",
  `SELECT r.id, r.status::text AS status, r."statusReason", r.need, date_part('epoch', r."createdAt") * 1000 AS "createdMs",
          r."fromStructureId", r."toStructureId", r."originStructureIds"::text[] AS "originStructureIds",
          json_build_object('id', f.id, 'name', f.name) AS "from",
          json_build_object('id', t.id, 'name', t.name) AS "to",
          json_build_object('id', sv.id, 'name', sv.name) AS service,
          json_build_object('firstName', p."firstName", 'lastName', p."lastName", 'email', p.email, 'phone', p.phone) AS person,
          CASE WHEN a.id IS NULL THEN NULL ELSE json_build_object(
            'id', a.id, 'startMs', date_part('epoch', a."startsAt") * 1000, 'endMs', date_part('epoch', a."endsAt") * 1000,
            'mode', a.mode, 'status', a.status, 'outcome', a.outcome,
            'site', CASE WHEN si.id IS NULL THEN NULL ELSE json_build_object('name', si.name) END) END AS appointment
     FROM "Referral" r
     JOIN "Structure" f ON f.id = r."fromStructureId"
     JOIN "Structure" t ON t.id = r."toStructureId"
     JOIN "Service" sv ON sv.id = r."serviceId"
     JOIN "Person" p ON p.id = r."personId"
     LEFT JOIN "Appointment" a ON a.id = r."appointmentId"
     LEFT JOIN "Site" si ON si.id = a."siteId"
    WHERE r.id = $1::uuid`,
);

interface ReferralRow extends Omit<ReferralFacts, "createdAt" | "appointment"> {
  createdMs: number;
  fromStructureId: string;
  toStructureId: string;
  originStructureIds: string[];
  appointment:
    | (Omit<NonNullable<ReferralFacts["appointment"]>, "startsAt" | "endsAt"> & { startMs: number; endMs: number })
    | null;
}

const referralFacts = (row: ReferralRow): ReferralFacts => {
  const { createdMs, appointment, ...rest } = row;
  return {
    ...rest,
    createdAt: new Date(Number(createdMs)),
    appointment: appointment && {
      ...appointment,
      startsAt: new Date(Number(appointment.startMs)),
      endsAt: new Date(Number(appointment.endMs)),
    },
  };
};

/**
 * A referral's event: a new one to its target; an answer (accepted, declined, redirected) and the
 * outcome of its meeting to the structures that sent it and those it continues. Each is told what
 * it may see (domain/webhooks.ts `referralData`).
 */
export async function emitReferralEvent(
  sql: SqlSession,
  context: EmitContext,
  referralId: string,
  kind: "created" | "answered" | "outcome",
): Promise<void> {
  const [row] = await sql.query<ReferralRow>(REFERRAL_FACTS, [referralId]);
  if (!row) return;
  const facts = referralFacts(row);
  const target = kind === "created";
  await emitEvent(sql, context, {
    structureIds: target ? [row.toStructureId] : [row.fromStructureId, ...row.originStructureIds],
    event: `referral_${kind}`,
    orderKey: `referral:${referralId}`,
    data: () => referralData(facts, target ? "target" : "sender"),
  });
}

/** A change of advisors' availability in a structure, to that structure's endpoints. */
export async function emitAvailabilityChanged(
  sql: SqlSession,
  context: EmitContext,
  change: { structureId: string; advisorIds: readonly string[]; kind: string; from: string | null; to: string | null },
): Promise<void> {
  const event = "availability_changed";
  const subscribers = await sql.query<Subscriber>(SUBSCRIBERS, [[change.structureId], event]);
  for (const advisorId of change.advisorIds) {
    await deliver(sql, context, subscribers, event, `advisor:${advisorId}`, () => availabilityData({ ...change, advisorId }));
  }
}
