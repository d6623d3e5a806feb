/**
 * Runs `task` every `everyMs` until stopped, never two runs at once (a slow run makes the next
 * wait); a failed run goes to `failed` and the next comes as usual. `stop` waits for the run in
 * flight: the database it uses can then be closed.
 */
export function repeat(everyMs: number, task: () => Promise<unknown>, failed: (error: unknown) => void) {
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    running = task()
      .catch(failed)
      .finally(() => {
        busy = false;
      });
  }, everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
