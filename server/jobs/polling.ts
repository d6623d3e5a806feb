import { type Logger, traceOf } from "../logger.ts";

/** A worker's polling: whether it was told to stop, and stopping it (waiting for the round in flight). */
export interface Polling {
  readonly stopped: boolean;
  stop(): Promise<void>;
}

/**
 * Runs `drain` until it finds nothing to do, then again every `pollMs`, until stopped; an error
 * is logged and the next round tries again. Without `poll`, nothing runs by itself: tests call
 * the worker's `drain` when they choose.
 */
export function startPolling(
  name: string,
  drain: () => Promise<unknown>,
  options: { pollMs: number; log: Logger; poll: boolean },
): Polling {
  let stopped = false;
  let wake: (() => void) | undefined;
  let running: Promise<unknown> = Promise.resolve();
  async function loop() {
    while (!stopped) {
      try {
        running = drain();
        await running;
      } catch (error) {
        options.log.error(name, traceOf(error));
      }
      if (stopped) break;
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, options.pollMs).unref();
      });
    }
  }
  // Once the caller holds what this returns: its `drain` may read `stopped`.
  if (options.poll) void Promise.resolve().then(loop);
  return {
    get stopped() {
      return stopped;
    },
    async stop() {
      stopped = true;
      wake?.();
      await running.catch(() => {});
    },
  };
}
