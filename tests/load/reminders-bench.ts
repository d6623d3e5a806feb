// `npm run bench:reminders`: DESIGN.md's reminder target — BENCH_MESSAGES (5 000) rendered
// reminders due in the outbox of a PostgreSQL database, sent by the server's own outbox worker
// (the server started as `npm start` runs it, SMTP_URL set) into an SMTP server on 127.0.0.1:
// e-mails per second, from the first message received to the last, each delivered once. Then
// as many SMS reminders, into the default SMS transport (a JSON file each, SMS_URL empty).
// Target: ≥ 200 e-mails/s, ≥ 200 SMS/s.
import { randomUUID } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { appointmentReminder } from "../../emails/appointment-reminder.ts";
import { openDatabase, type PrismaClient } from "../../server/db/database.ts";
import { migrate } from "../../server/db/migrate.ts";
import { seal } from "../../server/db/sealed.ts";
import { smsRow } from "../../server/mail/outbox.ts";
import { messageIdOf } from "../../server/mail/transport.ts";
import { smsReminder } from "../../sms/appointment-sms.ts";
import { createPostgresqlUrl } from "../helpers/db.ts";
import { ADMIN_URL, appendReport, postgresqlVersion, table } from "./report.ts";
import { rssMiB, type Server, sampleRss, serverCpuSeconds, smtpSink, startServer } from "./server-child.ts";

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 5000);
const NOW = new Date("2026-03-23T08:00:00Z");

const SECRET = "bench-secret-bench-secret-bench-secret-0123";

/** N reminders as a booking renders them, one per person, all due: e-mails, or SMS to mobiles. */
async function fill(p: PrismaClient, channel: "email" | "sms" = "email"): Promise<string[]> {
  const ids: string[] = [];
  for (let from = 0; from < MESSAGES; from += 1000) {
    const rows = [];
    for (let i = from; i < Math.min(MESSAGES, from + 1000); i++) {
      const id = randomUUID();
      ids.push(id);
      const start = new Date(NOW.getTime() + (26 + (i % 40)) * 3_600_000);
      const email = `personne.${i}@example.org`;
      const mobile = `+336${String(10_000_000 + i).padStart(8, "0")}`;
      const details = {
        id: randomUUID(),
        start,
        end: new Date(start.getTime() + 45 * 60_000),
        zone: "Europe/Paris",
        sequence: 0,
        status: "booked",
        mode: "onsite",
        service: { name: "Conseil en évolution professionnelle — premier entretien" },
        structure: { name: "Mission locale de Lille", email: "contact@ml-lille.example", phone: "0320000000" },
        site: {
          name: "Antenne Wazemmes",
          address: "12 rue des Sarrazins",
          postcode: "59000",
          commune: "Lille",
          accessInfo: "Métro Gambetta.",
        },
        person: { firstName: "Léa", lastName: "Durand", email, phone: mobile },
        advisor: { firstName: "Camille", lastName: "Martin", email: "camille.martin@ml-lille.example" },
        instructions: "Apportez votre CV.",
        accessibilityNeeds: "",
        manageUrl: `https://rdv.example.fr/rdv/${randomUUID()}`,
        seats: 1,
      } as const;
      const due = new Date(NOW.getTime() - 60_000);
      const sms = smsRow("appointment.reminder", mobile, due, smsReminder(details), { zone: details.zone, start });
      rows.push({
        id,
        type: "appointment.reminder",
        channel,
        recipient: channel === "sms" ? mobile : email,
        dueAt: channel === "sms" ? sms.dueAt : due,
        // Sealed as the outbox keeps it: the worker opens each one before sending.
        payload: seal(SECRET, channel === "sms" ? sms.payload : appointmentReminder(details)) as object,
      });
    }
    await p.outboxMessage.createMany({ data: rows });
  }
  return ids;
}

/** The SMS phase: reminders by SMS into the JSON file transport, timed from the first file written to the last. */
async function sendTexts(p: PrismaClient) {
  const ids = await fill(p, "sms");
  console.log(`reminders  ${MESSAGES} rendered SMS reminders due in the outbox`);
  const deadline = Date.now() + 600_000;
  while ((await p.outboxMessage.count({ where: { status: "pending" } })) > 0) {
    if (Date.now() > deadline) throw new Error("SMS still pending after 10 minutes");
    await new Promise((r) => setTimeout(r, 100));
  }
  const dir = join(dataDir, "outbox", "sms");
  const files = new Map(readdirSync(dir).map((name) => [name.replace(/\.json$/, ""), statSync(join(dir, name)).mtimeMs]));
  const times = [...files.values()];
  const seconds = (Math.max(...times) - Math.min(...times)) / 1000;
  return {
    perSecond: (files.size - 1) / seconds,
    seconds,
    missing: ids.filter((id) => !files.has(id)).length,
    failed: await p.outboxMessage.count({ where: { channel: "sms", status: { not: "sent" } } }),
  };
}

if (!(await postgresqlVersion())) {
  console.log("reminders  skipped: no PostgreSQL at BENCH_DATABASE_URL");
  process.exit(0);
}
const { url, drop } = await createPostgresqlUrl(ADMIN_URL);
const db = await openDatabase({ kind: "postgresql", url, poolSize: 2 });
const smtp = await smtpSink();
const dataDir = mkdtempSync(join(tmpdir(), "rdv-bench-"));
let server: Server | undefined;
let texts: { perSecond: number; seconds: number; missing: number; failed: number };
let figures: {
  perSecond: number;
  seconds: number;
  duplicates: number;
  missing: number;
  failed: number;
  rssPeak: number;
  cpu: number;
};
try {
  await migrate(db);
  const ids = await fill(db.prisma);
  console.log(`reminders  ${MESSAGES} rendered reminders due in the outbox`);
  server = await startServer({
    DATABASE_URL: url,
    NOW: NOW.toISOString(),
    DATA_DIR: dataDir,
    SMTP_URL: smtp.url,
    SESSION_SECRET: SECRET,
    LOG_LEVEL: "info",
  });
  const stopSampling = sampleRss(server.child.pid as number);
  const cpuBefore = serverCpuSeconds(server.child.pid as number);
  const deadline = Date.now() + 600_000;
  for (;;) {
    const pending = await db.prisma.outboxMessage.count({ where: { status: "pending" } });
    if (pending === 0) break;
    if (Date.now() > deadline) throw new Error(`${pending} messages still pending after 10 minutes`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const rssPeak = Math.max(stopSampling(), rssMiB(server.child.pid as number));
  const cpu = serverCpuSeconds(server.child.pid as number) - cpuBefore;
  const failed = await db.prisma.outboxMessage.count({ where: { status: { not: "sent" } } });
  const times = smtp.received.map((r) => r.at);
  const seconds = (Math.max(...times) - Math.min(...times)) / 1000;
  const seen = new Map<string, number>();
  for (const r of smtp.received) seen.set(r.messageId, (seen.get(r.messageId) ?? 0) + 1);
  const duplicates = [...seen.values()].filter((n) => n > 1).length;
  const missing = ids.filter((id) => !seen.has(messageIdOf(id))).length;
  figures = { perSecond: (smtp.received.length - 1) / seconds, seconds, duplicates, missing, failed, rssPeak, cpu };
  texts = await sendTexts(db.prisma);
} catch (error) {
  if (server) console.error(server.output.join(""));
  throw error;
} finally {
  await server?.stop();
  await smtp.close();
  await db.close();
  await drop();
  rmSync(dataDir, { recursive: true, force: true });
}

const { perSecond, seconds, duplicates, missing, failed, rssPeak, cpu } = figures;
const cpuPerMail = (cpu * 1000) / MESSAGES;
console.log(
  `reminders  ${MESSAGES} e-mails in ${seconds.toFixed(2)} s = ${perSecond.toFixed(0)}/s (target ≥ 200); ${missing} missing, ${duplicates} sent twice, ${failed} not marked sent; server RSS peak ${rssPeak.toFixed(1)} MiB, server CPU ${cpu.toFixed(1)} s (${cpuPerMail.toFixed(2)} ms per e-mail)`,
);
console.log(
  `reminders  ${MESSAGES} SMS in ${texts.seconds.toFixed(2)} s = ${texts.perSecond.toFixed(0)}/s (target ≥ 200); ${texts.missing} missing, ${texts.failed} not marked sent`,
);
await appendReport("reminders into a local SMTP server (`npm run bench:reminders`)", [
  `${MESSAGES} rendered reminders due in the outbox (PostgreSQL), sent by the outbox worker of the server started as \`npm start\` does, to an SMTP server on 127.0.0.1 in the benchmark's process; timed from the first message received to the last. Then ${MESSAGES} SMS reminders into the default transport (a JSON file each), timed from the first file written to the last.`,
  "",
  table(
    ["measure", "figure"],
    [
      ["e-mails per second", `**${perSecond.toFixed(0)}**`],
      ["SMS per second (JSON file transport)", `**${texts.perSecond.toFixed(0)}**`],
      ["time for all", `${seconds.toFixed(2)} s`],
      ["missing / sent twice / not marked sent", `${missing} / ${duplicates} / ${failed}`],
      ["server CPU", `${cpu.toFixed(1)} s, ${cpuPerMail.toFixed(2)} ms per e-mail`],
      ["server RSS peak", `${rssPeak.toFixed(1)} MiB`],
    ],
  ),
]);
if (missing || duplicates || failed || texts.missing || texts.failed) {
  console.error("reminders  FAILED: every message must be delivered once");
  process.exit(1);
}
