import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createPostgresqlUrl, TEST_DATABASE_URL } from "../helpers/db.ts";
import { freePort } from "../helpers/net.ts";
import { startSmtpServer } from "../helpers/smtp.ts";

// The real entry point, as `npm start` runs it: configuration, migrations, demo seed on an
// empty embedded database, HTTP, and a clean stop on SIGTERM.

/** The processes whose parent is `pid`. */
function childrenOf(pid: number): number[] {
  return readdirSync("/proc").flatMap((entry) => {
    if (!/^\d+$/.test(entry)) return [];
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      return Number(stat.split(") ")[1]?.split(" ")[1]) === pid ? [Number(entry)] : [];
    } catch {
      return [];
    }
  });
}

interface Running {
  child: ChildProcess;
  port: number;
  lines: string[];
  exited: Promise<number | null>;
}

async function start(env: Record<string, string>): Promise<Running> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    env: { PATH: process.env.PATH ?? "", PORT: String(port), LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  await new Promise<void>((resolve, reject) => {
    // A first start seeds six months of demo history: a minute or more on a loaded 2-core machine.
    const timer = setTimeout(() => reject(new Error(`no "listening" after 180 s:\n${lines.join("")}`)), 180_000);
    const onData = (chunk: Buffer) => {
      lines.push(chunk.toString());
      if (lines.join("").includes('"msg":"listening"') && (env.DATABASE_URL || lines.join("").includes("Prêt : ouvrez"))) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => reject(new Error(`exited with ${code} before listening:\n${lines.join("")}`)));
  });
  return { child, port, lines, exited };
}

const running: Running[] = [];
afterAll(() => {
  for (const r of running) r.child.kill("SIGKILL");
});

describe("npm start", () => {
  it("starts on an empty data folder with the demo directory, and stops cleanly on SIGTERM", async () => {
    const server = await start({ DATA_DIR: mkdtempSync(join(tmpdir(), "rdv-start-")) });
    running.push(server);
    const health = await fetch(`http://127.0.0.1:${server.port}/api/health`);
    expect(await health.json()).toEqual({ status: "ok", database: "pglite" });
    const { structures } = await (await fetch(`http://127.0.0.1:${server.port}/api/structures`)).json();
    expect(structures.length).toBeGreaterThanOrEqual(30);
    expect(server.lines.join("")).toContain('"msg":"demo directory loaded"');
    // What it did, said in plain words in order (the JSON logs aside), ending with where to go.
    const said = server.lines
      .join("")
      .split("\n")
      .filter((line) => /^(Création|Annuaire|Données|Prêt)/.test(line));
    expect(said).toEqual([
      "Création de la base de données…",
      "Annuaire de démonstration : structures, lieux, conseillers et horaires…",
      "Données de démonstration : 6 mois d'historique…",
      `Prêt : ouvrez http://localhost:${server.port}`,
    ]);
    // The demo accounts, and their password printed once (never in the JSON logs).
    const output = server.lines.join("");
    const password = output.match(/Leur mot de passe \(affiché une seule fois\) : (\S+)/)?.[1];
    expect(password).toBeDefined();
    expect(output.split("\n").filter((l) => l.startsWith("{") && l.includes(password as string))).toEqual([]);
    const login = await fetch(`http://127.0.0.1:${server.port}/api/auth/login`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email: "conseiller@demo.example", password }),
    });
    expect(login.status).toBe(200);

    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
    expect(server.lines.join("")).toContain('"msg":"stopped"');
  }, 240_000);

  it("stopped while it creates the database, stops its seed too and leaves no half-made database", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "rdv-start-"));
    const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
      env: { PATH: process.env.PATH ?? "", PORT: String(await freePort()), DATA_DIR: dataDir },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    let output = "";
    await new Promise<void>((resolve) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        // The seed is under way: its child has written the database's first files.
        if (output.includes("Annuaire de démonstration")) resolve();
      };
      child.stdout.on("data", onData);
      child.stderr.on("data", onData);
    });
    const seed = childrenOf(child.pid as number).filter((pid) =>
      readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("prisma/seed/cli.ts"),
    );
    expect(seed.length).toBe(1);
    child.kill("SIGTERM");
    expect(await exited).toBe(143);
    // The seed ended with it, and said nothing failed.
    expect(seed.filter((pid) => existsSync(`/proc/${pid}`))).toEqual([]);
    expect(output).not.toContain("a échoué");
    // What the next start finds: no database, so it creates one.
    expect(existsSync(join(dataDir, "pglite"))).toBe(false);
  }, 120_000);

  it("refuses to start on a bad setting, with one line naming it", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
      env: { PATH: process.env.PATH ?? "", PORT: "soixante" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (c: Buffer) => {
      stderr += c.toString();
    });
    const code = await new Promise((resolve) => child.on("exit", resolve));
    expect(code).toBe(1);
    expect(stderr.trim()).toBe("Configuration invalide : PORT doit être un nombre (valeur reçue : « soixante »).");
  });

  it("stops every server process, failing, when they cannot start (here: no database there)", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
      env: {
        PATH: process.env.PATH ?? "",
        PORT: String(await freePort()),
        DATABASE_URL: "postgresql://postgres@127.0.0.1:1/rdv",
        SERVER_PROCESSES: "2",
        LOG_LEVEL: "info",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (c: Buffer) => {
      output += c.toString();
    });
    const code = await new Promise((resolve) => child.on("exit", resolve));
    expect(code).not.toBe(0);
    expect(output).toContain("a server process stopped before listening: stopping all");
    expect(childrenOf(child.pid as number)).toEqual([]);
  }, 60_000);

  it.skipIf(!TEST_DATABASE_URL)(
    "runs SERVER_PROCESSES processes on one port, replaces one that dies, and stops them all on SIGTERM",
    async () => {
      const { url, drop } = await createPostgresqlUrl(TEST_DATABASE_URL as string);
      try {
        const server = await start({
          DATA_DIR: mkdtempSync(join(tmpdir(), "rdv-start-")),
          DATABASE_URL: url,
          SERVER_PROCESSES: "2",
        });
        running.push(server);
        const listening = () => server.lines.join("").split('"msg":"listening"').length - 1;
        const until = async (check: () => boolean) => {
          for (let i = 0; i < 300 && !check(); i++) await new Promise((r) => setTimeout(r, 100));
          expect(check()).toBe(true);
        };
        await until(() => listening() === 2);
        const workers = childrenOf(server.child.pid as number);
        expect(workers).toHaveLength(2);
        const health = async () => (await fetch(`http://127.0.0.1:${server.port}/api/health`)).status;
        expect(await Promise.all(Array.from({ length: 10 }, health))).toEqual(Array(10).fill(200));

        process.kill(workers[0] as number, "SIGKILL");
        await until(() => listening() === 3);
        expect(server.lines.join("")).toContain("a server process died: starting another");
        expect(childrenOf(server.child.pid as number)).toHaveLength(2);
        expect(await health()).toBe(200);

        server.child.kill("SIGTERM");
        expect(await server.exited).toBe(0);
        expect(childrenOf(server.child.pid as number)).toEqual([]);
      } finally {
        await drop();
      }
    },
    120_000,
  );

  it.skipIf(!TEST_DATABASE_URL)(
    "sends no e-mail with OUTBOX_WORKER=off: what waits in the outbox leaves with the next process that sends",
    async () => {
      const { url, drop } = await createPostgresqlUrl(TEST_DATABASE_URL as string);
      // Each process its own SMTP server: what reached which says who sent it.
      const [offSmtp, senderSmtp] = [await startSmtpServer(), await startSmtpServer()];
      const sql = new pg.Client({ connectionString: url });
      try {
        const env = { DATA_DIR: mkdtempSync(join(tmpdir(), "rdv-start-")), DATABASE_URL: url };
        const web = await start({ ...env, SMTP_URL: offSmtp.url, OUTBOX_WORKER: "off" });
        running.push(web);
        expect(web.lines.join("")).toContain("not sending (OUTBOX_WORKER=off)");
        await sql.connect();
        await sql.query(
          `INSERT INTO "OutboxMessage" (id, type, recipient, payload, "dueAt")
           VALUES (gen_random_uuid(), 'appointment.booked', 'lea.durand@example.org',
                   '{"subject": "Rendez-vous confirmé", "text": "Bonjour", "html": "<p>Bonjour</p>"}', now())`,
        );
        const row = async () => (await sql.query(`SELECT status::text, attempts FROM "OutboxMessage"`)).rows[0];

        // The message is due while the second process starts, which takes several of a worker's
        // one-second polls: a worker in the first would take it first, and through its own server.
        const sender = await start({ ...env, SMTP_URL: senderSmtp.url });
        running.push(sender);
        for (let i = 0; i < 100 && senderSmtp.received.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
        expect(senderSmtp.received.map((m) => [m.to, m.parsed.subject])).toEqual([
          ["lea.durand@example.org", "Rendez-vous confirmé"],
        ]);
        expect(offSmtp.received).toEqual([]);
        // Claimed once, by the sender alone.
        expect(await row()).toEqual({ status: "sent", attempts: 1 });
        for (const server of [web, sender]) {
          server.child.kill("SIGTERM");
          expect(await server.exited).toBe(0);
        }
        expect(offSmtp.received).toEqual([]);
      } finally {
        await sql.end();
        await offSmtp.close();
        await senderSmtp.close();
        await drop();
      }
    },
    120_000,
  );

  it.skipIf(!TEST_DATABASE_URL)(
    "answers postgresql when DATABASE_URL is set",
    async () => {
      const { url, drop } = await createPostgresqlUrl(TEST_DATABASE_URL as string);
      try {
        const server = await start({ DATA_DIR: mkdtempSync(join(tmpdir(), "rdv-start-")), DATABASE_URL: url });
        running.push(server);
        expect(await (await fetch(`http://127.0.0.1:${server.port}/api/health`)).json()).toEqual({
          status: "ok",
          database: "postgresql",
        });
        server.child.kill("SIGTERM");
        expect(await server.exited).toBe(0);
      } finally {
        await drop();
      }
    },
    120_000,
  );
});
