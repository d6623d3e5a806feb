// `npm run bench:start`: the first `npm start` on an empty data folder, as a newcomer runs it
// (the start script of package.json, web app built when stale; BENCH_WEB=rebuild builds it as a
// fresh clone would): seconds until « Prêt » and until the port answers, the server's RSS then,
// and the CPU seconds the start took (the build's and the seed's child processes included).
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "../helpers/net.ts";
import { appendReport, table } from "./report.ts";
import { rssMiB } from "./server-child.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const TARGET_SECONDS = 15;
const TARGET_RSS_MIB = 500;

if (process.env.BENCH_WEB === "rebuild") rmSync(join(ROOT, "web", "dist"), { recursive: true, force: true });
const dataDir = mkdtempSync(join(tmpdir(), "rdv-start-bench-"));
const port = await freePort();
// The start script itself, without npm around it: its RSS is the server's.
const [node, ...args] = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).scripts.start as string).split(" ");
if (node !== "node") throw new Error(`start script not understood: ${node} ${args.join(" ")}`);

const started = performance.now();
const child = spawn(process.execPath, args, {
  cwd: ROOT,
  env: { PATH: process.env.PATH ?? "", DATA_DIR: dataDir, PORT: String(port), SEED_PASSWORD: "demo-password-2026" },
  stdio: ["ignore", "pipe", "inherit"],
});
let output = "";
let readyAt = Number.NaN;
const ready = new Promise<void>((resolve, reject) => {
  child.stdout.on("data", (chunk: Buffer) => {
    output += chunk.toString();
    if (Number.isNaN(readyAt) && output.includes("Prêt : ouvrez")) {
      readyAt = performance.now();
      resolve();
    }
  });
  child.on("exit", (code) => reject(new Error(`the server exited with ${code}:\n${output}`)));
});
await ready;
let answeredAt = Number.NaN;
for (;;) {
  const ok = await fetch(`http://127.0.0.1:${port}/`).then(
    (r) => r.ok,
    () => false,
  );
  if (ok) {
    answeredAt = performance.now();
    break;
  }
  await new Promise((r) => setTimeout(r, 50));
}
// A moment for what the start left to settle (the seed's garbage, the first request).
await new Promise((r) => setTimeout(r, 1000));
const rss = rssMiB(child.pid as number);
// utime, stime and the same for the children it waited for (the build, the seed): ticks of 1/100 s.
const ticks = readFileSync(`/proc/${child.pid}/stat`, "utf8").split(") ")[1]?.split(" ").slice(11, 15) ?? [];
const cpuSeconds = ticks.reduce((sum, t) => sum + Number(t), 0) / 100;
child.kill("SIGTERM");
await new Promise((r) => child.on("exit", r));
rmSync(dataDir, { recursive: true, force: true });

const built = output.includes("Construction de l'application web");
const seconds = (ms: number) => (ms / 1000).toFixed(1);
const lines = output.split("\n").filter((l) => l && !l.startsWith("{"));
console.log(lines.join("\n"));
const rows = [
  ["seconds to « Prêt »", seconds(readyAt - started), `< ${TARGET_SECONDS}`],
  ["seconds until GET / answers", seconds(answeredAt - started), `< ${TARGET_SECONDS}`],
  ["server RSS after ready (MiB)", Math.round(rss), `≤ ${TARGET_RSS_MIB}`],
  ["CPU seconds, all processes", cpuSeconds.toFixed(1), ""],
];
console.log(table(["first start", "figure", "target"], rows));
await appendReport(
  `first \`npm start\` on an empty data folder${built ? ", web app built" : ""} (\`npm run bench:start\`)`,
  table(["first start", "figure", "target"], rows),
);
