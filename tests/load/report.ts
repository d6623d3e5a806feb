// What every benchmark shares: the machine's description and the dated section appended to
// the month's file in docs/benchmarks/ (set BENCH_REPORT=0 to print only). docs/PERFORMANCE.md
// keeps the latest figure of each target, by hand.
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { fileURLToPath } from "node:url";
import pg from "pg";

const BENCHMARKS = fileURLToPath(new URL("../../docs/benchmarks/", import.meta.url));

export const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

/** PostgreSQL's own version line, or undefined when no server answers at `url`. */
export async function postgresqlVersion(url = ADMIN_URL): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const { rows } = await client.query<{ version: string }>("SELECT version()");
    return rows[0]?.version.split(" on ")[0];
  } catch {
    return undefined;
  } finally {
    await client.end().catch(() => {});
  }
}

function cpuModel(): string {
  try {
    const line = readFileSync("/proc/cpuinfo", "utf8")
      .split("\n")
      .find((l) => l.startsWith("model name"));
    if (line) return line.split(":")[1]?.trim() ?? "";
  } catch {}
  return cpus()[0]?.model ?? "unknown CPU";
}

/** One line: CPU model and count, memory, Node.js, PostgreSQL, and the load average (other work on the machine skews every figure). */
export async function machine(): Promise<string> {
  const memory = `${Math.round(totalmem() / 2 ** 30)} GiB`;
  const database = (await postgresqlVersion()) ?? "no PostgreSQL reachable";
  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(" / ");
  return `${cpus().length} × ${cpuModel()}, ${memory}, Node.js ${process.versions.node}, ${database} on loopback; load average ${load} (1 / 5 / 15 min) when the figures were written`;
}

/** Appends `## <date> — <title>`, the machine and `body` (a Markdown table or lines) to docs/benchmarks/<month>.md. */
export async function appendReport(title: string, body: string | string[]): Promise<void> {
  if (process.env.BENCH_REPORT === "0") return;
  const date = new Date().toISOString().slice(0, 10);
  const file = `${BENCHMARKS}${date.slice(0, 7)}.md`;
  const text = Array.isArray(body) ? body.join("\n") : body;
  const heading = existsSync(file) ? "" : `# Benchmarks, ${date.slice(0, 7)}\n\nSee docs/PERFORMANCE.md for the targets.\n`;
  appendFileSync(file, `${heading}\n## ${date} — ${title}\n\nMachine: ${await machine()}.\n\n${text.trimEnd()}\n`);
  console.log(`appended to docs/benchmarks/${date.slice(0, 7)}.md: ${title}`);
}

/** Nearest-rank percentile of `samples` (any order), q in [0, 1]. */
export function percentile(samples: readonly number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}

/** A Markdown table from a header and rows. */
export function table(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  // Columns padded as the formatter (biome) lays Markdown tables out, so the file stays formatted.
  const text = [header, ...rows].map((cells) => cells.map(String));
  const widths = header.map((_, i) => Math.max(3, ...text.map((cells) => [...(cells[i] ?? "")].length)));
  const line = (cells: readonly string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(" | ")} |`;
  const [head = [], ...body] = text;
  return [line(head), line(widths.map((w) => "-".repeat(w))), ...body.map(line)].join("\n");
}
