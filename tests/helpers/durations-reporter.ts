import { writeFileSync } from "node:fs";
import type { Reporter, TestModule } from "vitest/node";

/**
 * How long each project took: its test files' time in the workers (setting up, importing, hooks
 * and tests; files of a project run side by side, so this can exceed the wall time), and the
 * wall time of the whole run. Written as JSON to DURATIONS_FILE (.ci/run sums the passes up).
 */
export default class DurationsReporter implements Reporter {
  private started = performance.now();

  onTestRunStart() {
    this.started = performance.now();
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>) {
    const projects: Record<string, { files: number; seconds: number }> = {};
    for (const module of modules) {
      const d = module.diagnostic();
      projects[module.project.name] ??= { files: 0, seconds: 0 };
      const project = projects[module.project.name] as { files: number; seconds: number };
      project.files += 1;
      project.seconds +=
        (d.environmentSetupDuration + d.prepareDuration + d.collectDuration + d.setupDuration + d.duration) / 1000;
    }
    const wall = (performance.now() - this.started) / 1000;
    if (process.env.DURATIONS_FILE) writeFileSync(process.env.DURATIONS_FILE, JSON.stringify({ wall, projects }));
  }
}
