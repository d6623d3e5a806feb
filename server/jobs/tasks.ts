// What runs once a day, in this order: the figures are recorded before any row is anonymised.
import { waitingTimesTask } from "../features/dashboards/waiting-times.ts";
import { auditLogTask, housekeepingTask } from "../features/privacy/purge.ts";
import { retentionTask } from "../features/privacy/retention.ts";
import type { DailyTask } from "./daily.ts";

export const DAILY_TASKS: readonly DailyTask[] = [waitingTimesTask, retentionTask, auditLogTask, housekeepingTask];
