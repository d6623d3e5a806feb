import { parentPort, workerData } from "node:worker_threads";
import { busyIntervals, CalendarTooComplexError, NotACalendarError } from "../../domain/busy-times.ts";
import type { Outcome, ReadJob } from "./read-busy-times.ts";

// The worker side of read-busy-times.ts: one calendar's busy times, read on a thread of its own.

const job = workerData as ReadJob;
// Loaded: the read's time limit starts now, not counting the thread's start (tsx compiling).
parentPort?.postMessage({ kind: "ready" } satisfies Outcome);
let outcome: Outcome;
try {
  const busy = busyIntervals(job.text, { from: new Date(job.from), to: new Date(job.to) }, job.zone);
  outcome = { kind: "busy", busy: busy.map((b) => [b.start.getTime(), b.end.getTime()]) };
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof CalendarTooComplexError) outcome = { kind: "too-complex", message };
  else if (error instanceof NotACalendarError) outcome = { kind: "not-a-calendar", message };
  else throw error;
}
parentPort?.postMessage(outcome);
