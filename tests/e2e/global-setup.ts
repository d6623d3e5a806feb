import { buildIfStale } from "../../web/build-if-stale.ts";

// The browser tests drive the built app as the server serves it: build it first, when needed.
export default async function setup() {
  const built = await buildIfStale();
  if (built) console.log("web: built web/dist for the browser tests");
}
