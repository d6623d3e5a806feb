import { noticeDigestEmail } from "../../../emails/notice-digest.ts";
import type { Deps } from "../../context.ts";
import { unseal } from "../../db/sealed.ts";
import type { DailyTask } from "../../jobs/daily.ts";
import { type EmailPayload, enqueue } from "../../mail/outbox.ts";

interface Held {
  id: string;
  recipient: string;
  payload: unknown;
}

/**
 * The daily digest: the notices held for it (outbox rows in status « digest », mail/outbox.ts)
 * become one e-mail per recipient, queued in the outbox like any other, and the notices are
 * marked sent in the same transaction. Rows locked with SKIP LOCKED: two instances running it
 * at once put each notice in one digest only.
 */
export async function sendNoticeDigests({ db, config }: Pick<Deps, "db" | "config">, now: Date) {
  return db.transaction(async (sql) => {
    const held = await sql.query<Held>(
      `SELECT id, recipient, payload FROM "OutboxMessage"
        WHERE status = 'digest' AND channel = 'email'
        ORDER BY recipient, "createdAt", id
          FOR UPDATE SKIP LOCKED`,
    );
    const byRecipient = new Map<string, EmailPayload[]>();
    for (const row of held) {
      const list = byRecipient.get(row.recipient) ?? [];
      list.push(unseal<EmailPayload>(config.sessionSecret, row.payload));
      byRecipient.set(row.recipient, list);
    }
    await enqueue(
      sql,
      config.sessionSecret,
      [...byRecipient].map(([recipient, notices]) => ({
        type: "staff.digest",
        recipient,
        dueAt: now,
        payload: noticeDigestEmail(notices),
      })),
    );
    if (held.length > 0) {
      await sql.query(`UPDATE "OutboxMessage" SET status = 'sent', "sentAt" = $2 WHERE id = ANY($1::uuid[])`, [
        held.map((row) => row.id),
        now,
      ]);
    }
    return { digests: byRecipient.size, notices: held.length };
  });
}

export const noticeDigestTask: DailyTask = { name: "notice-digest", run: sendNoticeDigests };
