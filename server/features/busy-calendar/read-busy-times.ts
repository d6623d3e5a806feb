import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { type BusyInterval, CalendarTooComplexError, NotACalendarError } from "../../domain/busy-times.ts";
import { CalendarReadError } from "./fetch-calendar.ts";

// A calendar comes from someone else's server, and ical.js can step for ever through some of its
// repetitions (busy-times.ts): read in the request, or by the background reader, one such
// calendar would hold the whole process, then every instance that claims it after the lease. So
// it is read on a worker thread, stopped after a wall-clock timeout or past a memory bound.

export interface ReadJob {
  text: string;
  from: number;
  to: number;
  zone: string;
}
export type Outcome =
  | { kind: "ready" }
  | { kind: "busy"; busy: [number, number][] }
  | { kind: "too-complex" | "not-a-calendar"; message: string };

/** A thread loads in under a second, several on a machine under load: past this, something is wrong. */
const START_TIMEOUT_MS = 30_000;
/** Far above a year of a busy agenda (2 MiB of text read in some 50 MiB). */
const MAX_HEAP_MB = 256;

// The worker runs the server's TypeScript: tsx's own loader, registered in the worker itself
// (Node 20 gives a worker neither the loaders of `--import tsx` nor those of vitest).
const tsxApi = pathToFileURL(join(dirname(createRequire(import.meta.url).resolve("tsx")), "esm/api/index.mjs")).href;
const entry = new URL("./busy-times-worker.ts", import.meta.url).href;
const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => tsx.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)}))`;

/**
 * The busy intervals of a calendar's text within the window, read on a thread of its own.
 * Throws NotACalendarError, or CalendarTooComplexError when the read passes `timeoutMs` (once
 * the thread has started) or its memory bound.
 */
export function readBusyTimes(text: string, window: { from: Date; to: Date }, zone: string, timeoutMs: number) {
  const job: ReadJob = { text, from: window.from.getTime(), to: window.to.getTime(), zone };
  return new Promise<BusyInterval[]>((resolve, reject) => {
    const worker = new Worker(bootstrap, {
      eval: true,
      workerData: job,
      // Not the server's options (`--import tsx`, V8's sizes): the bootstrap loads what it needs.
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: MAX_HEAP_MB },
    });
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    let timer = setTimeout(
      () =>
        settle(() =>
          reject(new CalendarReadError("La lecture du calendrier n'a pas pu commencer : il sera relu dans 15 minutes.")),
        ),
      START_TIMEOUT_MS,
    );
    worker.on("message", (outcome: Outcome) => {
      if (outcome.kind === "ready") {
        clearTimeout(timer);
        timer = setTimeout(() => settle(() => reject(new CalendarTooComplexError(`not read in ${timeoutMs} ms`))), timeoutMs);
        return;
      }
      settle(() => {
        if (outcome.kind === "busy")
          resolve(outcome.busy.map(([start, end]) => ({ start: new Date(start), end: new Date(end) })));
        else
          reject(
            outcome.kind === "too-complex"
              ? new CalendarTooComplexError(outcome.message)
              : new NotACalendarError(outcome.message),
          );
      });
    });
    worker.on("error", (error: Error & { code?: string }) =>
      settle(() => reject(error.code === "ERR_WORKER_OUT_OF_MEMORY" ? new CalendarTooComplexError(error.message) : error)),
    );
    worker.on("exit", (code) => settle(() => reject(new Error(`the busy times' reader stopped (${code})`))));
  });
}
