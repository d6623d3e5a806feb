// The server as `npm start` runs it, in a child process, for the benchmarks that go through
// HTTP or its workers; its memory; and an SMTP server on 127.0.0.1 that accepts and counts.
import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { SMTPServer } from "smtp-server";
import { freePort } from "../helpers/net.ts";

/** Set to a folder to write the server's V8 CPU profile there (`--cpu-prof`). */
const CPU_PROF = process.env.BENCH_CPU_PROF;
const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/**
 * An SMTP server that accepts and forgets, keeping for each message only its Message-ID and
 * when it arrived (the server's worker sends there).
 */
export async function smtpSink() {
  const received: { messageId: string; at: number }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      let head = "";
      stream.on("data", (chunk: Buffer) => {
        if (head.length < 8192) head += chunk.toString("latin1");
      });
      stream.on("end", () => {
        received.push({ messageId: head.match(/^Message-ID:\s*(<[^>\r\n]+>)/im)?.[1] ?? "", at: performance.now() });
        callback();
      });
    },
  });
  // A server process that exits drops its pooled connections: a reset, not a failure.
  server.on("error", () => {});
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as { port: number };
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    accepted: () => received.length,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface Server {
  child: ChildProcess;
  base: string;
  output: string[];
  stop(): Promise<void>;
}

export async function startServer(env: Record<string, string>): Promise<Server> {
  const port = await freePort();
  const args = ["--max-semi-space-size=64", "--import", "tsx", "server/main.ts"];
  if (CPU_PROF) args.unshift("--cpu-prof", `--cpu-prof-dir=${CPU_PROF}`);
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}`, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 50) output.shift();
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  const kill = () => child.kill("SIGKILL");
  process.once("exit", kill);
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${output.join("")}`);
    if (Date.now() > deadline) {
      kill();
      throw new Error(`the server did not answer in 60 s:\n${output.join("")}`);
    }
    const ok = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    child,
    base,
    output,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(kill, 15_000);
      await exited;
      clearTimeout(timer);
      process.off("exit", kill);
    },
  };
}

/** The process and its children (the server processes when SERVER_PROCESSES is over 1). */
function processTree(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const parent = Number(readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1]?.split(" ")[1]);
      if (parent === pid) children.push(Number(entry));
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return [pid, ...children];
}

const sumOver = (pids: number[], read: (pid: number) => number) =>
  pids.reduce((sum, pid) => {
    try {
      return sum + read(pid);
    } catch {
      return sum;
    }
  }, 0);

const ownRssMiB = (pid: number) => {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").match(/VmRSS:\s+(\d+) kB/);
  return line ? Number(line[1]) / 1024 : Number.NaN;
};
/** Resident memory of the server: its processes together. */
export const rssMiB = (pid: number) => sumOver(processTree(pid), ownRssMiB);

/** Samples the server's RSS every 500 ms until stopped; returns the peak. */
export function sampleRss(pid: number) {
  let peak = 0;
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, rssMiB(pid));
    } catch {}
  }, 500);
  return () => {
    clearInterval(timer);
    return peak;
  };
}

/** CPU seconds (user + system) used so far by the server's processes together. */
export const serverCpuSeconds = (pid: number) => sumOver(processTree(pid), cpuSeconds);

/** CPU seconds (user + system) the process has used so far, from /proc/<pid>/stat (clock ticks of 1/100 s). */
export function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** CPU seconds used so far by the PostgreSQL processes of the machine (postmaster and backends). */
export function postgresCpuSeconds(): number {
  let total = 0;
  for (const pid of readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (readFileSync(`/proc/${pid}/comm`, "utf8").trim() === "postgres") total += cpuSeconds(Number(pid));
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return total;
}

/** Busy and total CPU seconds of the whole machine so far (all cores), from /proc/stat. */
export function machineCpuSeconds(): { busy: number; total: number } {
  const ticks = (readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "").split(/\s+/).slice(1, 9).map(Number);
  const total = ticks.reduce((a, b) => a + b, 0);
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
  return { busy: (total - idle) / 100, total: total / 100 };
}

/**
 * Where the CPU went between two calls: the server, PostgreSQL, this process (the load
 * generator and the SMTP server), and the machine as a whole — what a measure on a small machine
 * shared by all of them needs to be read.
 */
export function cpuBudget(serverPid: number) {
  const start = {
    server: serverCpuSeconds(serverPid),
    postgres: postgresCpuSeconds(),
    own: process.cpuUsage(),
    machine: machineCpuSeconds(),
  };
  return () => {
    const machine = machineCpuSeconds();
    const own = process.cpuUsage(start.own);
    return {
      server: serverCpuSeconds(serverPid) - start.server,
      postgres: postgresCpuSeconds() - start.postgres,
      harness: (own.user + own.system) / 1e6,
      machineBusy: machine.busy - start.machine.busy,
      machineTotal: machine.total - start.machine.total,
    };
  };
}
