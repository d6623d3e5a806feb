// What runs once a day, in this order: the figures are recorded before any row is anonymised.
import type { DailyTask } from "./daily.ts";

export const DAILY_TASKS: readonly DailyTask[] = [];
