import type { Clock } from "../clock.ts";
import { type Database, statement, type Tx } from "../db/database.ts";
import { SealError, unseal } from "../db/sealed.ts";
import { retryDelayMs } from "../domain/booking.ts";
import { type Logger, traceOf } from "../logger.ts";
import type { OutboxPayload } from "./outbox.ts";
import { DeliveryError, messageIdOf, type Send } from "./transport.ts";

export interface OutboxWorkerOptions {
  db: Database;
  clock: Clock;
  send: Send;
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
   RETURNING id, type, recipient, payload, attempts`,
);
// Messages put off because the SMTP server could not be reached (not those it answered, say,
// 451): due again at once.
const RETRY_UNREACHED = statement(
  "outbox-retry-unreached",
  `UPDATE "OutboxMessage" SET "dueAt" = $1
    WHERE status = 'pending' AND "dueAt" > $1 AND "leaseUntil" IS NULL AND unreached`,
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
 * server's acceptance and the commit, and then with the same Message-ID.
 */
export function startOutboxWorker(options: OutboxWorkerOptions, { poll = true } = {}): OutboxWorker {
  const { db, clock, send, from, log, secret, tasks } = options;
  const batchSize = options.batchSize ?? 50;
  const leaseMs = options.leaseMs ?? 120_000;
  const pollMs = options.pollMs ?? 1_000;
  const maxAttempts = options.maxAttempts ?? 8;
  let stopped = false;
  let wake: (() => void) | undefined;
  let running: Promise<unknown> = Promise.resolve();
  /** A message was put off because the server could not be reached, and none has gone since. */
  let unreached = false;

  async function claim(): Promise<Claimed[]> {
    const now = clock.now();
    return db.sql.query<Claimed>(CLAIM, [new Date(now.getTime() + leaseMs), now, batchSize]);
  }

  /**
   * Sends one message; true once the SMTP server accepted it, else its retry or failure is
   * recorded. A task is carried out and forgotten in one transaction: a worker dying between
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
      const payload = unseal<OutboxPayload | null>(secret, message.payload);
      if (!payload?.subject) throw new Unsendable(`rien à envoyer pour « ${message.type} » (une demande sans tâche ?)`);
      await send({ messageId: messageIdOf(message.id), from, to: message.recipient, ...payload });
      return true;
    } catch (error) {
      // A payload sealed under another secret will not open next time either, nor will an empty one fill.
      const lasting = error instanceof SealError || error instanceof Unsendable;
      const transient = !lasting && (!(error instanceof DeliveryError) || error.transient);
      if (error instanceof DeliveryError && error.unreachable) unreached = true;
      const giveUp = !transient || message.attempts >= maxAttempts;
      const lastError = (error instanceof Error ? error.message : String(error)).slice(0, 500);
      const dueAt = giveUp ? null : new Date(clock.now().getTime() + retryDelayMs(message.attempts));
      await db.sql.query(ATTEMPT_FAILED, [message.id, dueAt, lastError, error instanceof DeliveryError && error.unreachable]);
      // Ids and types only: recipients are personal data.
      log.warn(giveUp ? "e-mail failed for good" : "e-mail will be retried", {
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
      const sent = batch.filter((_, i) => accepted[i]).map((m) => m.id);
      if (sent.length > 0) {
        await db.sql.query(MARK_SENT, [sent, clock.now()]);
        // The server takes messages again: those put off while it was out of reach go now,
        // rather than minutes later at the end of their backoff.
        if (unreached) {
          unreached = false;
          await db.sql.query(RETRY_UNREACHED, [clock.now()]);
        }
      }
      handled += batch.length;
      if (stopped) return handled;
    }
  }

  async function loop() {
    while (!stopped) {
      try {
        running = drain();
        await running;
      } catch (error) {
        log.error("outbox worker", traceOf(error));
      }
      if (stopped) break;
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, pollMs).unref();
      });
    }
  }
  if (poll) void loop();

  return {
    drain,
    async stop() {
      stopped = true;
      wake?.();
      await running.catch(() => {});
      send.close?.();
    },
  };
}
