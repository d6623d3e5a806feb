// What runs apart from the requests. Once a day, in this order: the figures are recorded before
// any row is anonymised. And what the outbox carries out rather than sends.
import { RESET_ASKED, resetAsked } from "../auth/password-links.ts";
import type { Deps } from "../context.ts";
import { sqlIn } from "../db/database.ts";
import { waitingTimesTask } from "../features/dashboards/waiting-times.ts";
import { LINKS_ASKED, sendLinks } from "../features/lost-links/send-links.ts";
import { noticeDigestTask } from "../features/notices/notice-digest.ts";
import { auditLogTask, housekeepingTask } from "../features/privacy/purge.ts";
import { retentionTask } from "../features/privacy/retention.ts";
import { waitlistEndsTask } from "../features/waitlist/end-due.ts";
import { HOLD_ENDS } from "../features/waitlist/offer-freed-time.ts";
import { passOn } from "../features/waitlist/pass-on.ts";
import type { OutboxTasks } from "../mail/outbox-worker.ts";
import { webhookDeliveriesTask } from "../webhooks/purge.ts";
import type { DailyTask } from "./daily.ts";

export const DAILY_TASKS: readonly DailyTask[] = [
  waitingTimesTask,
  // Before retention: a place whose wait is over no longer keeps its person from the period's end.
  waitlistEndsTask,
  retentionTask,
  // After retention: the notices about someone anonymised tonight are deleted with their messages, not sent on.
  noticeDigestTask,
  auditLogTask,
  housekeepingTask,
  webhookDeliveriesTask,
];

/** The outbox worker's tasks (mail/outbox-worker.ts): requests queued as messages, by type. */
export const outboxTasks = ({ clock, config }: Pick<Deps, "clock" | "config">): OutboxTasks => ({
  [RESET_ASKED]: (tx, email) =>
    resetAsked(tx, email, { now: clock.now(), publicUrl: config.publicUrl, secret: config.sessionSecret }),
  [LINKS_ASKED]: (tx, contact) => sendLinks(tx, contact, { now: clock.now(), config }),
  // A hold ended unanswered: the slot goes to the next person waiting.
  [HOLD_ENDS]: async (tx, offerId) => {
    await passOn(sqlIn(tx), offerId, "expired", { now: clock.now(), config });
  },
});
