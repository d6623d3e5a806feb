import type { Clock } from "../clock.ts";
import { type Database, statement, type Tx } from "../db/database.ts";
import { SealError, unseal } from "../db/sealed.ts";
import { retryDelayMs } from "../domain/booking.ts";
import { smsDueAt } from "../domain/quiet-hours.ts";
import { startPolling } from "../jobs/polling.ts";
import type { Logger } from "../logger.ts";
import type { SendSms } from "../sms/transport.ts";
import type { EmailPayload, SmsPayload } from "./outbox.ts";
import { DeliveryError, messageIdOf, type Send } from "./transport.ts";

export interface OutboxWorkerOptions {
  db: Database;
  clock: Clock;
  send: Send;
  sendSms: SendSms;
  from: string;
  log: Logger;
  /** Opens the messages' sealed payloads (SESSION_SECRET). */
  secret: string;
  /** Requests queued as messages and carried out here instead of being sent (jobs/tasks.ts). */
  tasks: OutboxTasks;
  /** Messages claimed at once and sent in parallel. */
  batchSize?: number;
  /** How long a claim holds: past it, another worker takes the message over. */
  leaseMs?: number;
  pollMs?: number;
  maxAttempts?: number;
}

/**
 * By type, what to do with a message that is a request rather than an e-mail, given its
 * recipient, in a transaction that also forgets it: a password reset asked for an address is
 * queued the same way whether an account has it or not, and only here is the link issued, or not.
 */
export type OutboxTasks = Record<string, (tx: Tx, recipient: string) => Promise<void>>;

/** A message with nothing to send (a request no task carries out): it fails at once, saying so. */
class Unsendable extends Error {
  override name = "Unsendable";
}

export interface OutboxWorker {
  /** Claims and sends due messages until none is left; returns how many were handled. */
  drain(): Promise<number>;
  /** Stops polling and waits for the batch in flight. */
  stop(): Promise<void>;
}

const CLAIM = statement(
  "outbox-claim",
  `UPDATE "OutboxMessage" SET "leaseUntil" = $1, attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM "OutboxMessage"
       WHERE status = 'pending' AND "dueAt" <= $2 AND ("leaseUntil" IS NULL OR "leaseUntil" < $2)
       ORDER BY "dueAt" LIMIT $3
       FOR UPDATE SKIP LOCKED)
   RETURNING id, type, channel::text AS channel, recipient, payload, attempts`,
);
// A reminder is worth nothing once its meeting has begun or was cancelled: one still pending
// then (the workers were down across its time) is dropped, never sent late. A moved meeting's
// reminders were withdrawn with the move.
const DROP_LATE_REMINDERS = statement(
  "outbox-drop-late-reminders",
  `UPDATE "OutboxMessage" m SET status = 'cancelled', "leaseUntil" = NULL, "lastError" = 'rendez-vous commencé ou annulé'
     FROM "Appointment" a
    WHERE m.status = 'pending' AND m.type = 'appointment.reminder' AND m."dueAt" <= $1
      AND a.id = m."appointmentId" AND (a."startsAt" <= $1 OR a.status = 'cancelled')`,
);
// An SMS claimed at night: due again in the morning, the attempt not counted.
const PUT_OFF = statement(
  "outbox-put-off",
  `UPDATE "OutboxMessage" SET "dueAt" = $2, "leaseUntil" = NULL, attempts = attempts - 1
    WHERE id = $1::uuid AND status = 'pending'`,
);
// Messages put off because their server (SMTP, or the SMS provider) could not be reached (not
// those it answered, say, 451): due again at once once a message of their channel went.
const RETRY_UNREACHED = statement(
  "outbox-retry-unreached",
  `UPDATE "OutboxMessage" SET "dueAt" = $1
    WHERE status = 'pending' AND "dueAt" > $1 AND "leaseUntil" IS NULL AND unreached AND channel = $2::"OutboxChannel"`,
);
const MARK_SENT = statement(
  "outbox-sent",
  `UPDATE "OutboxMessage" SET status = 'sent', "sentAt" = $2, "leaseUntil" = NULL, "lastError" = NULL
    WHERE id = ANY($1::uuid[]) AND status = 'pending'`,
);

// A failed attempt: the message is put off till $2, or failed for good when $2 is null.
const ATTEMPT_FAILED = statement(
  "outbox-attempt-failed",
  `UPDATE "OutboxMessage"
      SET status = CASE WHEN $2::timestamptz IS NULL THEN 'failed'::"OutboxStatus" ELSE status END,
          "dueAt" = COALESCE($2::timestamptz, "dueAt"), "leaseUntil" = NULL, "lastError" = $3, unreached = $4
    WHERE id = $1::uuid AND status = 'pending'`,
);

interface Claimed {
  id: string;
  type: string;
  channel: "email" | "sms";
  recipient: string;
  /** Sealed (db/sealed.ts); opened just before it is sent. */
  payload: unknown;
  attempts: number;
}

/**
 * Sends the outbox. Workers coordinate through the database only: a batch is claimed with
 * FOR UPDATE SKIP LOCKED under a lease, so two workers never hold the same message, and a
 * worker that dies mid-batch loses nothing — its messages are taken over when the lease ends.
 * Delivery is at least once; a message is sent twice only if a worker dies between the SMTP
 * server's (or SMS provider's) acceptance and the commit, and then with the same Message-ID.
 */
export function startOutboxWorker(options: OutboxWorkerOptions, { poll = true } = {}): OutboxWorker {
  const { db, clock, send, sendSms, from, log, secret, tasks } = options;
  const batchSize = options.batchSize ?? 50;
  const leaseMs = options.leaseMs ?? 120_000;
  const pollMs = options.pollMs ?? 1_000;
  const maxAttempts = options.maxAttempts ?? 8;
  /** The channels whose server could not be reached, and which have sent nothing since. */
  const unreached = new Set<Claimed["channel"]>();

  async function claim(): Promise<Claimed[]> {
    const now = clock.now();
    await db.sql.query(DROP_LATE_REMINDERS, [now]);
    return db.sql.query<Claimed>(CLAIM, [new Date(now.getTime() + leaseMs), now, batchSize]);
  }

  /** Sends an SMS, or puts it off till morning if the night has come meanwhile; true once sent. */
  async function text(message: Claimed): Promise<boolean> {
    const payload = unseal<SmsPayload | null>(secret, message.payload);
    if (!payload?.sms) throw new Unsendable(`rien à envoyer pour « ${message.type} »`);
    const now = clock.now();
    const due = smsDueAt(now, payload.zone, payload.meetingStart ? new Date(payload.meetingStart) : undefined);
    if (due > now) {
      await db.sql.query(PUT_OFF, [message.id, due]);
      return false;
    }
    await sendSms({ messageId: message.id, to: message.recipient, ...payload.sms });
    return true;
  }

  /**
   * Sends one message; true once the SMTP server or the SMS provider accepted it, else its
   * retry or failure is recorded. A task is carried out and forgotten in one transaction: a worker dying between
   * the two cannot carry it out twice.
   */
  async function deliver(message: Claimed): Promise<boolean> {
    try {
      const task = tasks[message.type];
      if (task) {
        await db.prisma.$transaction(async (tx) => {
          await task(tx, message.recipient);
          await tx.outboxMessage.delete({ where: { id: message.id } });
        });
        return false;
      }
      if (message.channel === "sms") return await text(message);
      const payload = unseal<EmailPayload | null>(secret, message.payload);
      if (!payload?.subject) throw new Unsendable(`rien à envoyer pour « ${message.type} » (une demande sans tâche ?)`);
      await send({ messageId: messageIdOf(message.id), from, to: message.recipient, ...payload });
      return true;
    } catch (error) {
      // A payload sealed under another secret will not open next time either, nor will an empty one fill.
      const lasting = error instanceof SealError || error instanceof Unsendable;
      const transient = !lasting && (!(error instanceof DeliveryError) || error.transient);
      if (error instanceof DeliveryError && error.unreachable) unreached.add(message.channel);
      const giveUp = !transient || message.attempts >= maxAttempts;
      const lastError = (error instanceof Error ? error.message : String(error)).slice(0, 500);
      // A provider that says when to come back (HTTP 429 Retry-After) is taken at its word.
      const wait = Math.max(retryDelayMs(message.attempts), error instanceof DeliveryError ? (error.retryAfterMs ?? 0) : 0);
      const dueAt = giveUp ? null : new Date(clock.now().getTime() + wait);
      await db.sql.query(ATTEMPT_FAILED, [message.id, dueAt, lastError, error instanceof DeliveryError && error.unreachable]);
      // Ids and types only: recipients are personal data.
      log.warn(giveUp ? `${message.channel} failed for good` : `${message.channel} will be retried`, {
        outboxId: message.id,
        type: message.type,
        attempts: message.attempts,
      });
      return false;
    }
  }

  async function drain(): Promise<number> {
    let handled = 0;
    for (;;) {
      const batch = await claim();
      if (batch.length === 0) return handled;
      const accepted = await Promise.all(batch.map(deliver));
      // The batch's sent messages marked at once: one statement instead of one per message. A
      // worker dying before it resends them when their lease ends, with the same Message-ID.
      const sent = batch.filter((_, i) => accepted[i]);
      if (sent.length > 0) {
        await db.sql.query(MARK_SENT, [sent.map((m) => m.id), clock.now()]);
        // The server takes messages again: those put off while it was out of reach go now,
        // rather than minutes later at the end of their backoff.
        for (const channel of new Set(sent.map((m) => m.channel))) {
          if (unreached.delete(channel)) await db.sql.query(RETRY_UNREACHED, [clock.now(), channel]);
        }
      }
      handled += batch.length;
      if (polling.stopped) return handled;
    }
  }

  const polling = startPolling("outbox worker", drain, { pollMs, log, poll });

  return {
    drain,
    async stop() {
      await polling.stop();
      send.close?.();
      sendSms.close?.();
    },
  };
}
