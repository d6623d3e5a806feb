import { Webhook } from "standardwebhooks";
import { webhookDisabledEmail } from "../../emails/webhook-disabled.ts";
import { type Clock, systemClock } from "../clock.ts";
import type { Config } from "../config.ts";
import { type Database, type SqlSession, statement } from "../db/database.ts";
import { unseal } from "../db/sealed.ts";
import { disablingReason, retryDelayAfter } from "../domain/webhooks.ts";
import { startPolling } from "../jobs/polling.ts";
import { type Logger, traceOf } from "../logger.ts";
import { enqueue } from "../mail/outbox.ts";
import { type PostResult, postWebhook } from "./post.ts";

export interface WebhookWorkerOptions {
  db: Database;
  /** The platform's clock: when deliveries are due. */
  clock: Clock;
  /**
   * The real time, for `webhook-timestamp`: a receiver checks it against its own clock (five
   * minutes either way), whatever the platform's clock says (NOW in a demo).
   */
  wallClock?: Clock;
  config: Pick<Config, "sessionSecret" | "publicUrl" | "webhookAllowPrivate">;
  log: Logger;
  batchSize?: number;
  /**
   * How long a claim holds: well past an attempt's deadline (`timeoutMs`, from the connection to
   * the answer's last byte), so that no other worker takes a delivery over while it is being sent.
   */
  leaseMs?: number;
  pollMs?: number;
  timeoutMs?: number;
}

export interface WebhookWorker {
  /** Claims and sends due deliveries until none is left; returns how many were tried. */
  drain(): Promise<number>;
  stop(): Promise<void>;
}

interface Claimed {
  id: string;
  endpointId: string;
  payload: unknown;
  attempts: number;
  url: string;
  secret: unknown;
  previousSecret: unknown;
  previousUntil: Date | null;
}

// A delivery waits while an earlier one of its key (an appointment, a referral) is still to be
// delivered to the same endpoint: events of one thing arrive in the order they happened. One of
// a disabled endpoint waits for it to be switched back on.
const CLAIM = statement(
  "webhook-claim",
  `UPDATE "WebhookDelivery" d SET "leaseUntil" = $1, attempts = d.attempts + 1
     FROM "WebhookEndpoint" e
    WHERE e.id = d."endpointId" AND d.id IN (
      SELECT w.id FROM "WebhookDelivery" w JOIN "WebhookEndpoint" we ON we.id = w."endpointId"
       WHERE w.status = 'pending' AND w."dueAt" <= $2 AND (w."leaseUntil" IS NULL OR w."leaseUntil" < $2)
         AND we."disabledAt" IS NULL
         AND NOT EXISTS (SELECT 1 FROM "WebhookDelivery" p
                          WHERE p."endpointId" = w."endpointId" AND p."orderKey" = w."orderKey"
                            AND p.status = 'pending' AND p.serial < w.serial)
       ORDER BY w.serial LIMIT $3
       FOR UPDATE OF w SKIP LOCKED)
   RETURNING d.id, d."endpointId", d.payload, d.attempts, e.url, e.secret, e."previousSecret", e."previousUntil"`,
);
// An erasure or the purge may have deleted the delivery while it was being sent: its outcome is
// then nobody's to record.
const STILL_THERE = statement("webhook-still-there", `SELECT id FROM "WebhookDelivery" WHERE id = $1::uuid FOR UPDATE`);
const ATTEMPT = statement(
  "webhook-attempt",
  `INSERT INTO "WebhookAttempt" (id, "deliveryId", at, status, error, ms) VALUES (gen_random_uuid(), $1::uuid, $2, $3, $4, $5)`,
);
const DELIVERED = statement(
  "webhook-delivered",
  `UPDATE "WebhookDelivery" SET status = 'delivered', "deliveredAt" = $2, "leaseUntil" = NULL WHERE id = $1::uuid`,
);
// The receiver is back: what it missed goes now rather than at the end of each back-off.
const RECEIVER_BACK = statement(
  "webhook-receiver-back",
  `WITH e AS (UPDATE "WebhookEndpoint" SET failures = 0 WHERE id = $1::uuid AND failures > 0 RETURNING id)
   UPDATE "WebhookDelivery" d SET "dueAt" = $2 FROM e
    WHERE d."endpointId" = e.id AND d.status = 'pending' AND d."dueAt" > $2 AND d."leaseUntil" IS NULL`,
);
const FAILED = statement(
  "webhook-failed",
  `UPDATE "WebhookDelivery"
      SET status = CASE WHEN $2::timestamptz IS NULL THEN 'failed'::"WebhookDeliveryStatus" ELSE status END,
          "dueAt" = COALESCE($2::timestamptz, "dueAt"), "leaseUntil" = NULL
    WHERE id = $1::uuid`,
);
// Since when the endpoint has failed: its first attempt after its last success.
const FAILING_SINCE = statement(
  "webhook-failing-since",
  `WITH tries AS (SELECT t.at, t.status FROM "WebhookAttempt" t JOIN "WebhookDelivery" d ON d.id = t."deliveryId"
                  WHERE d."endpointId" = $1::uuid)
   SELECT min(at) AS since FROM tries
    WHERE at > COALESCE((SELECT max(at) FROM tries WHERE status BETWEEN 200 AND 299), '-infinity'::timestamptz)`,
);
const COUNT_FAILURE = statement(
  "webhook-count-failure",
  `UPDATE "WebhookEndpoint" SET failures = failures + 1 WHERE id = $1::uuid`,
);
const DISABLE = statement(
  "webhook-disable",
  `UPDATE "WebhookEndpoint" e SET "disabledAt" = $2, "disabledReason" = $3
     FROM "Structure" s
    WHERE e.id = $1::uuid AND e."disabledAt" IS NULL AND s.id = e."structureId"
   RETURNING e.url, e."structureId", s.name AS structure`,
);
const ADMINS = statement(
  "webhook-admins",
  `SELECT DISTINCT u.email FROM "Membership" m JOIN "StaffUser" u ON u.id = m."userId"
    WHERE m."structureId" = $1::uuid AND m.role = 'structure_admin' AND u.active`,
);

/** The Standard Webhooks signatures of a body: with the previous secret too while it is still honoured. */
function signatures(secrets: readonly string[], id: string, at: Date, body: string): string {
  return secrets.map((secret) => new Webhook(secret).sign(id, at, body)).join(" ");
}

/**
 * Delivers webhooks. Workers share the work through the database only, as the outbox's do:
 * deliveries are claimed with FOR UPDATE SKIP LOCKED under a lease, so a worker that dies loses
 * nothing (its claims are taken over when the lease ends) and two never hold the same one.
 * At least once: a receiver may get a delivery twice (a worker dying between its answer and the
 * commit, a « renvoyer »), always under the same `webhook-id`, on which it deduplicates.
 */
export function startWebhookWorker(options: WebhookWorkerOptions, { poll = true } = {}): WebhookWorker {
  const { db, clock, config, log } = options;
  const wallClock = options.wallClock ?? systemClock;
  const batchSize = options.batchSize ?? 20;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const leaseMs = options.leaseMs ?? timeoutMs * 6;
  const pollMs = options.pollMs ?? 1_000;

  async function attempt(d: Claimed): Promise<{ result: PostResult; ms: number }> {
    const body = JSON.stringify(unseal(config.sessionSecret, d.payload));
    const secrets = [unseal<string>(config.sessionSecret, d.secret)];
    if (d.previousSecret && d.previousUntil && new Date(d.previousUntil) > clock.now()) {
      secrets.push(unseal<string>(config.sessionSecret, d.previousSecret));
    }
    const sentAt = wallClock.now();
    const headers = {
      "content-type": "application/json",
      "webhook-id": d.id,
      "webhook-timestamp": String(Math.floor(sentAt.getTime() / 1000)),
      "webhook-signature": signatures(secrets, d.id, sentAt, body),
    };
    const started = performance.now();
    const result = await postWebhook(d.url, body, headers, { allowPrivate: config.webhookAllowPrivate, timeoutMs });
    return { result, ms: Math.round(performance.now() - started) };
  }

  async function failed(sql: SqlSession, d: Claimed, now: Date) {
    const delay = retryDelayAfter(d.attempts);
    await sql.query(FAILED, [d.id, delay === null ? null : new Date(now.getTime() + delay)]);
    await sql.query(COUNT_FAILURE, [d.endpointId]);
    const [failing] = await sql.query<{ since: Date | string | null }>(FAILING_SINCE, [d.endpointId]);
    const since = failing?.since ? new Date(failing.since) : now;
    const reason = disablingReason({ since, now, exhausted: delay === null });
    if (!reason) return;
    const [disabled] = await sql.query<{ url: string; structureId: string; structure: string }>(DISABLE, [
      d.endpointId,
      now,
      reason,
    ]);
    if (!disabled) return;
    const admins = await sql.query<{ email: string }>(ADMINS, [disabled.structureId]);
    const payload = webhookDisabledEmail({
      structure: disabled.structure,
      url: disabled.url,
      reason,
      settingsUrl: `${config.publicUrl}/espace/annuaire/structures/${disabled.structureId}?onglet=webhooks`,
    });
    await enqueue(
      sql,
      config.sessionSecret,
      admins.map((a) => ({ type: "webhook.disabled", recipient: a.email, dueAt: now, payload })),
    );
    log.warn("webhook endpoint disabled", { endpointId: d.endpointId });
  }

  async function deliver(d: Claimed): Promise<void> {
    let outcome: { result: PostResult; ms: number };
    let unreadable = false;
    try {
      outcome = await attempt(d);
    } catch (error) {
      unreadable = true;
      outcome = { result: { status: null, error: "contenu illisible (SESSION_SECRET changé ?)" }, ms: 0 };
      log.error("webhook delivery", { deliveryId: d.id, ...traceOf(error) });
    }
    const { result, ms } = outcome;
    const now = clock.now();
    const ok = result.status !== null && result.status >= 200 && result.status < 300;
    await db.transaction(async (sql) => {
      if ((await sql.query(STILL_THERE, [d.id])).length === 0) return;
      await sql.query(ATTEMPT, [d.id, now, result.status, result.error ?? (ok ? null : `réponse HTTP ${result.status}`), ms]);
      if (ok) {
        await sql.query(DELIVERED, [d.id, now]);
        await sql.query(RECEIVER_BACK, [d.endpointId, now]);
      } else if (unreadable) {
        // Sealed under another secret, it will not open next time either; the receiver is not to blame.
        await sql.query(FAILED, [d.id, null]);
      } else {
        await failed(sql, d, now);
      }
    });
    // Ids and counts only: the URL may carry a token of the receiver's.
    if (!ok) log.info("webhook attempt failed", { deliveryId: d.id, attempts: d.attempts, status: result.status });
  }

  // A pool rather than batches: a delivery is claimed as soon as one in flight ends, so a receiver
  // that takes its whole deadline holds one place, never the other structures' deliveries behind it.
  async function drain(): Promise<number> {
    let handled = 0;
    const running = new Set<Promise<void>>();
    try {
      for (;;) {
        const room = batchSize - running.size;
        if (room > 0 && !polling.stopped) {
          const now = clock.now();
          const claimed = await db.sql.query<Claimed>(CLAIM, [new Date(now.getTime() + leaseMs), now, room]);
          for (const d of claimed) {
            const sent: Promise<void> = deliver(d).finally(() => running.delete(sent));
            running.add(sent);
          }
          handled += claimed.length;
          // More may be due at once; with nothing claimed, what ends next may free a key's next event.
          if (claimed.length === room) continue;
        }
        if (running.size === 0) return handled;
        await Promise.race(running);
      }
    } finally {
      await Promise.allSettled(running);
    }
  }

  const polling = startPolling("webhook worker", drain, { pollMs, log, poll });

  return { drain, stop: () => polling.stop() };
}
