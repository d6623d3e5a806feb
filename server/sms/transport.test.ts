import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createSmsTransport, forgetSms, forgetSmsBefore, type SmsEnvelope } from "./transport.ts";

const made: string[] = [];
const dataDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "rdv-sms-"));
  made.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const sms = (messageId: string): SmsEnvelope => ({
  messageId,
  to: "+33612345678",
  text: "RDV Orientation : rendez-vous le lundi 30 mars a 9h00. Pour l'annuler : https://rdv.example.fr/rdv/abc",
  segments: 1,
  encoding: "GSM-7",
});
const ID = "0b6f3c52-8d1e-4f7a-9c3b-2e5d7a9f1c40";
const OTHER = "5a1e9d20-3b7c-4e8f-a6d1-9c2b4f7e0a13";

describe("the SMS transport without SMS_URL", () => {
  it("makes DATA_DIR/outbox/sms when created", () => {
    const dir = dataDir();
    createSmsTransport({ smsUrl: undefined, dataDir: dir });
    expect(readdirSync(join(dir, "outbox", "sms"))).toEqual([]);
  });

  it("writes each SMS as pretty JSON in DATA_DIR/outbox/sms/<id>.json", async () => {
    const dir = dataDir();
    await createSmsTransport({ smsUrl: undefined, dataDir: dir })({ ...sms(ID), segments: 2, text: "Deux segments…" });
    expect(readdirSync(join(dir, "outbox", "sms"))).toEqual([`${ID}.json`]);
    expect(readFileSync(join(dir, "outbox", "sms", `${ID}.json`), "utf8")).toBe(
      `{
  "to": "+33612345678",
  "text": "Deux segments…",
  "segments": 2,
  "encoding": "GSM-7",
  "messageId": "${ID}"
}
`,
    );
  });

  it("writes the same file again on a second attempt", async () => {
    const dir = dataDir();
    const send = createSmsTransport({ smsUrl: undefined, dataDir: dir });
    await send(sms(ID));
    await send(sms(ID));
    expect(readdirSync(join(dir, "outbox", "sms"))).toEqual([`${ID}.json`]);
  });

  it("keeps a strange id out of the path", async () => {
    const dir = dataDir();
    await createSmsTransport({ smsUrl: undefined, dataDir: dir })(sms("../../evil"));
    expect(readdirSync(join(dir, "outbox", "sms"))).toEqual(["evil.json"]);
  });

  it("forgets the copies of the messages named, and only those", async () => {
    const dir = dataDir();
    const send = createSmsTransport({ smsUrl: undefined, dataDir: dir });
    await send(sms(ID));
    await send(sms(OTHER));
    await forgetSms({ smsUrl: undefined, dataDir: dir }, [ID, "3f0c7e1a-0000-4000-8000-000000000000"]);
    expect(readdirSync(join(dir, "outbox", "sms"))).toEqual([`${OTHER}.json`]);
  });

  it("leaves files alone when SMS go to a provider", async () => {
    const dir = dataDir();
    await createSmsTransport({ smsUrl: undefined, dataDir: dir })(sms(ID));
    const smsUrl = "brevo://KEY@api.brevo.com?sender=RDVOrient";
    await forgetSms({ smsUrl, dataDir: dir }, [ID]);
    expect(await forgetSmsBefore({ smsUrl, dataDir: dir }, new Date(Date.now() + 60_000))).toBe(0);
    expect(existsSync(join(dir, "outbox", "sms", `${ID}.json`))).toBe(true);
  });

  it("forgets the copies written before a date, and only those", async () => {
    const dir = dataDir();
    const send = createSmsTransport({ smsUrl: undefined, dataDir: dir });
    await send(sms(ID));
    await send(sms(OTHER));
    const folder = join(dir, "outbox", "sms");
    const old = new Date("2026-10-01T08:00:00Z");
    utimesSync(join(folder, `${ID}.json`), old, old);
    writeFileSync(join(folder, "notes.txt"), "");
    utimesSync(join(folder, "notes.txt"), old, old);
    expect(await forgetSmsBefore({ smsUrl: undefined, dataDir: dir }, new Date("2026-11-01T00:00:00Z"))).toBe(1);
    expect(readdirSync(folder).sort()).toEqual([`${OTHER}.json`, "notes.txt"]);
  });

  it("has nothing to forget before anything was written", async () => {
    expect(await forgetSmsBefore({ smsUrl: undefined, dataDir: dataDir() }, new Date())).toBe(0);
  });
});
