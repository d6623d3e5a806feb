import { buildIfStale } from "../../web/build-if-stale.ts";
import { dropTemplates, provideTemplates } from "../helpers/templates.ts";
import { chromiumProblem } from "./chromium.ts";

// The browser tests drive the built app as the server serves it: build it first, when needed.
// Their databases are copies of templates made once (most hold the demo directory).
export async function setup() {
  const problem = chromiumProblem();
  if (problem) {
    // One line, and nothing else: a thrown error would come with vitest's stack and summary.
    console.error(problem);
    process.exit(1);
  }
  const built = await buildIfStale();
  if (built) console.log("web: built web/dist for the browser tests");
  await provideTemplates({ demo: true });
}
export const teardown = dropTemplates;
