// What the fault tests share: the real server as a child process (`node --import tsx
// server/main.ts`, as `npm start` runs it), a real SMTP server in the test process that can be
// stopped and started again on its port, a private PostgreSQL cluster that can be restarted,
// and a directory with enough slots for hundreds of bookings.
import { type ChildProcess, execFile, execFileSync, spawn } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SMTPServer } from "smtp-server";
import type { Database } from "../../server/db/database.ts";
import { smallDirectory } from "../helpers/fixtures.ts";
import { freePort } from "../helpers/net.ts";

/** `npm run test:faults` runs the sizes; `npm test` (CI) a short version of each. */
export const FULL = process.env.FAULTS_FULL === "1";

/** The server processes' clock starts here (a Friday); the slots booked are from the Monday on. */
export { freePort };

export const START = "2026-03-20T08:00:00Z";

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it returns true; fails with `what` after `timeoutMs`. */
export async function waitFor(what: string, check: () => Promise<boolean> | boolean, timeoutMs: number, everyMs = 200) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`still waiting after ${timeoutMs} ms: ${what}`);
    await sleep(everyMs);
  }
}

// ---------------------------------------------------------------------------------------------
// The server, as a child process

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  url: string;
  /** The process's output, last chunks only. */
  output(): string;
  exited: Promise<number | null>;
  /** SIGKILL, and wait for the exit. */
  kill(): Promise<void>;
  /** SIGTERM, and the exit code. */
  stop(): Promise<number | null>;
}

const children = new Set<ChildProcess>();

/** Kills every server process still running (for afterAll: nothing is left behind, even on failure). */
export async function killAllServers() {
  await Promise.all(
    [...children].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once("exit", () => resolve());
          child.kill("SIGKILL");
        }),
    ),
  );
  children.clear();
}

/** Starts `server/main.ts` and resolves once it listens. */
export async function startServer(env: Record<string, string>, options: { port?: number } = {}): Promise<ServerProcess> {
  const port = options.port ?? (await freePort());
  const dataDir = mkdtempSync(join(tmpdir(), "rdv-faults-"));
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "test",
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATA_DIR: dataDir,
      SESSION_SECRET: "faults-secret-faults-secret-faults-0123",
      LOG_LEVEL: "info",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  const chunks: string[] = [];
  const output = () => chunks.join("");
  const exited = new Promise<number | null>((resolve) =>
    child.on("exit", (code) => {
      children.delete(child);
      rmSync(dataDir, { recursive: true, force: true });
      resolve(code);
    }),
  );
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "listening" after 60 s:\n${output()}`)), 60_000);
    let listening = false;
    const onData = (chunk: Buffer) => {
      chunks.push(chunk.toString());
      if (chunks.length > 400) chunks.splice(0, chunks.length - 400);
      if (!listening && output().includes('"msg":"listening"')) {
        listening = true;
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      if (!listening) reject(new Error(`exited with ${code ?? signal} before listening:\n${output()}`));
    });
  });
  return {
    child,
    port,
    url: `http://127.0.0.1:${port}`,
    output,
    exited,
    kill: async () => {
      child.kill("SIGKILL");
      await exited;
    },
    stop: async () => {
      child.kill("SIGTERM");
      return exited;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// HTTP, as a browser would call the API

export interface Answer {
  status: number;
  body: { error?: { code: string } } & Record<string, unknown>;
  ms: number;
}

/** One request; a socket that fails (the server is down) throws. */
export async function request(url: string, init: RequestInit = {}, timeoutMs = 15_000): Promise<Answer> {
  const started = performance.now();
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  const text = await res.text();
  let body: Answer["body"] = {};
  try {
    body = JSON.parse(text);
  } catch {}
  return { status: res.status, body, ms: performance.now() - started };
}

export const book = (server: string, slotKey: string, key: string, email = `${key}@example.org`) =>
  request(`${server}/api/bookings`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "Idempotency-Key": key },
    body: JSON.stringify({ slotKey, person: { firstName: "Léa", lastName: "Durand", email }, noticeAccepted: true }),
  });

/** Free slot keys of the fault directory, in time order, from `from` (at most 31 days a call). */
export async function freeSlots(server: string, structureId: string, from: string, count: number): Promise<string[]> {
  const keys: string[] = [];
  let day = new Date(`${from}T00:00:00Z`);
  while (keys.length < count) {
    const to = new Date(day.getTime() + 30 * 86_400_000);
    const iso = (d: Date) => d.toISOString().slice(0, 10);
    const answer = await request(
      `${server}/api/slots?service=information-conseil-vae&structure=${structureId}&from=${iso(day)}&to=${iso(to)}&mode=onsite`,
    );
    if (answer.status !== 200) throw new Error(`slots → ${answer.status} ${JSON.stringify(answer.body)}`);
    const slots = answer.body.slots as { key: string }[];
    if (slots.length === 0) throw new Error(`no free slot from ${iso(day)}`);
    keys.push(...slots.map((s) => s.key));
    day = new Date(to.getTime() + 86_400_000);
  }
  return keys.slice(0, count);
}

// ---------------------------------------------------------------------------------------------
// The directory

/**
 * `smallDirectory` with one advisor bookable every day 08:00–18:00 in 30-minute meetings,
 * no buffer and no notice, a year ahead: 20 slots a day, enough for 500 bookings in a month.
 */
export async function faultDirectory(db: Database) {
  const fx = await smallDirectory(db);
  await db.prisma.offering.update({
    where: { id: fx.offering.id },
    data: { durationMinutes: 30, bufferMinutes: 0, minNoticeMinutes: 0, horizonDays: 365 },
  });
  await db.prisma.availabilityRule.create({
    data: {
      advisorId: fx.advisor.id,
      structureId: fx.structure.id,
      siteId: fx.site.id,
      modes: ["onsite", "phone"],
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      startTime: "08:00",
      endTime: "18:00",
      validFrom: new Date("2026-01-05"),
      offerings: { create: [{ offeringId: fx.offering.id }] },
    },
  });
  return fx;
}

// ---------------------------------------------------------------------------------------------
// SMTP

export interface Received {
  messageId: string;
  from: string;
  to: string;
  at: number;
}

/**
 * A real SMTP server on 127.0.0.1 that can go down and come back on the same port. A message
 * counts as received when its data has arrived, before the answer: a sender killed during
 * `delayMs` has then handed over a message it will send again (the at-least-once window).
 */
export async function restartableSmtp(options: { delayMs?: number } = {}) {
  const received: Received[] = [];
  let inFlight = 0;
  const port = await freePort();
  let server: SMTPServer | undefined;
  const up = async () => {
    const s = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      closeTimeout: 500,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          const raw = Buffer.concat(chunks).toString();
          const headers = raw.split(/\r?\n\r?\n/, 1)[0] ?? "";
          received.push({
            messageId: headers.match(/^Message-ID:\s*(<[^>\s]+>)/im)?.[1] ?? "",
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to: session.envelope.rcptTo.map((r) => r.address).join(","),
            at: Date.now(),
          });
          inFlight++;
          setTimeout(() => {
            inFlight--;
            callback();
          }, options.delayMs ?? 0);
        });
      },
    });
    // A client that vanishes mid-message (a killed worker) must not bring the server down.
    s.on("error", () => {});
    await new Promise<void>((resolve, reject) => {
      s.server.once("error", reject);
      s.listen(port, "127.0.0.1", () => resolve());
    });
    server = s;
  };
  const down = async () => {
    const s = server;
    server = undefined;
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  };
  await up();
  /** Messages whose data has arrived and whose answer has not been given yet. */
  const unanswered = () => inFlight;
  return { url: `smtp://127.0.0.1:${port}`, received, unanswered, up, down, close: down };
}

/** Messages received per Message-ID. */
export function byMessageId(received: Received[]) {
  const counts = new Map<string, Received[]>();
  for (const m of received) counts.set(m.messageId, [...(counts.get(m.messageId) ?? []), m]);
  return counts;
}

// ---------------------------------------------------------------------------------------------
// A private PostgreSQL cluster (never the shared one: CI runs other tests against it)

const PG_BIN_DIRS = ["", "/usr/local/bin/", "/usr/lib/postgresql/15/bin/", "/usr/lib/postgresql/16/bin/"];

/** Where initdb and pg_ctl are, or undefined when this machine has none (or, as root, no `postgres` user to run them). */
export function findPgBin(): string | undefined {
  try {
    pgUser();
  } catch {
    return undefined;
  }
  for (const dir of PG_BIN_DIRS) {
    try {
      execFileSync(`${dir}pg_ctl`, ["--version"], { stdio: "ignore" });
      execFileSync(`${dir}initdb`, ["--version"], { stdio: "ignore" });
      return dir;
    } catch {}
  }
  return undefined;
}

/** PostgreSQL refuses to run as root: then the cluster belongs to the `postgres` user. */
function pgUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
  const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
  return { uid, gid };
}

export interface PrivateCluster {
  url: string;
  port: number;
  start(): Promise<void>;
  /** `pg_ctl stop -m fast`: every connection is terminated, as in a restart or a failover. */
  stop(): Promise<void>;
  destroy(): void;
}

export async function privateCluster(bin: string): Promise<PrivateCluster> {
  const dir = mkdtempSync(join(tmpdir(), "rdv-pg-"));
  const owner = pgUser();
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const options = {
    timeout: 60_000,
    ...(owner && { uid: owner.uid, gid: owner.gid }),
    env: { PATH: process.env.PATH ?? "", LC_ALL: "C" },
  };
  // Asynchronous, so that the requests measured meanwhile are not held up by the test itself.
  const run = (tool: string, args: string[]) =>
    new Promise<void>((resolve, reject) =>
      execFile(`${bin}${tool}`, args, options, (error, _stdout, stderr) =>
        error ? reject(new Error(`${tool} ${args.at(-1)}: ${error.message}\n${stderr}`)) : resolve(),
      ),
    );
  const port = await freePort();
  const data = join(dir, "data");
  const cluster: PrivateCluster = {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    port,
    start: () =>
      run("pg_ctl", [
        "-D",
        data,
        "-l",
        join(dir, "log"),
        "-o",
        `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
        "-w",
        "start",
      ]),
    stop: () => run("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]),
    destroy() {
      try {
        if (existsSync(join(data, "postmaster.pid"))) {
          execFileSync(`${bin}pg_ctl`, ["-D", data, "-m", "immediate", "-w", "stop"], { ...options, stdio: "ignore" });
        }
      } catch {}
      rmSync(dir, { recursive: true, force: true });
    },
  };
  try {
    await run("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8"]);
    await cluster.start();
  } catch (error) {
    cluster.destroy();
    throw error;
  }
  return cluster;
}
