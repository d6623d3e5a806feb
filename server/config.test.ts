import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.ts";

const made: string[] = [];
const dataDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "rdv-config-"));
  made.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});
const load = (env: Record<string, string>) => loadConfig({ DATA_DIR: dataDir(), ...env });
const failure = (env: Record<string, string>) => {
  try {
    load(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error("the configuration was accepted");
};

describe("configuration", () => {
  it("runs with no configuration at all: port 3000, embedded database in ./data", () => {
    const config = loadConfig({ SESSION_SECRET: "x".repeat(32) });
    expect(config.port).toBe(3000);
    expect(config.publicUrl).toBe("http://localhost:3000");
    expect(config.database).toEqual({ kind: "pglite", dir: join(process.cwd(), "data", "pglite") });
    expect(config.now).toBeUndefined();
  });

  it("runs one process unless SERVER_PROCESSES says more, on PostgreSQL", () => {
    expect(loadConfig({ SESSION_SECRET: "x".repeat(32) }).processes).toBe(1);
    expect(
      loadConfig({ SESSION_SECRET: "x".repeat(32), DATABASE_URL: "postgresql://localhost/rdv", SERVER_PROCESSES: "4" }).processes,
    ).toBe(4);
  });

  it("sends the outbox's e-mails unless OUTBOX_WORKER=off", () => {
    expect(load({}).outboxWorker).toBe(true);
    expect(load({ OUTBOX_WORKER: "on" }).outboxWorker).toBe(true);
    expect(load({ OUTBOX_WORKER: "off" }).outboxWorker).toBe(false);
  });

  it("reads the client's address from the socket unless TRUST_PROXY says how many proxies stand before", () => {
    expect(load({}).trustProxy).toBe(0);
    expect(load({ TRUST_PROXY: "2" }).trustProxy).toBe(2);
  });

  it("sends webhooks to public addresses only unless WEBHOOK_ALLOW_PRIVATE=true", () => {
    expect(load({}).webhookAllowPrivate).toBe(false);
    expect(load({ WEBHOOK_ALLOW_PRIVATE: "false" }).webhookAllowPrivate).toBe(false);
    expect(load({ WEBHOOK_ALLOW_PRIVATE: "true" }).webhookAllowPrivate).toBe(true);
  });

  it("turns ProConnect on with its three settings only, asking for ProConnect's claims unless told otherwise", () => {
    expect(load({}).oidc).toBeUndefined();
    const issuer = { OIDC_ISSUER: "https://auth.proconnect.gouv.fr/api/v2", OIDC_CLIENT_ID: "rdv", OIDC_CLIENT_SECRET: "s3cret" };
    expect(load(issuer).oidc).toEqual({
      issuer: "https://auth.proconnect.gouv.fr/api/v2",
      clientId: "rdv",
      clientSecret: "s3cret",
      scopes: "openid email given_name usual_name",
      acrValues: undefined,
    });
    expect(load({ ...issuer, OIDC_SCOPES: "openid email", OIDC_ACR_VALUES: "eidas1" }).oidc).toMatchObject({
      scopes: "openid email",
      acrValues: "eidas1",
    });
    expect(load({ ...issuer, OIDC_ISSUER: "http://127.0.0.1:9000" }).oidc?.issuer).toBe("http://127.0.0.1:9000");
  });

  it("reads advisors' calendars from public addresses only, 10 s at most, unless told otherwise", () => {
    expect(load({}).busyCalendars).toEqual({
      allowPrivate: false,
      timeoutMs: 10_000,
      maxBytes: 2 * 1024 * 1024,
      readTimeoutMs: 5_000,
    });
    expect(load({ CALENDAR_ALLOW_PRIVATE: "true", CALENDAR_TIMEOUT_SECONDS: "3" }).busyCalendars).toMatchObject({
      allowPrivate: true,
      timeoutMs: 3_000,
    });
  });

  it("switches to PostgreSQL when DATABASE_URL is set", () => {
    expect(load({ DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/rdv" }).database).toEqual({
      kind: "postgresql",
      url: "postgresql://postgres@127.0.0.1:5432/rdv",
    });
  });

  it("writes SMS to files unless SMS_URL names a provider", () => {
    expect(load({}).smsUrl).toBeUndefined();
    expect(load({ SMS_URL: "" }).smsUrl).toBeUndefined();
    const url = "brevo://xkeysib-0123abcd-XyZ@api.brevo.com?sender=RDVOrient";
    expect(load({ SMS_URL: url }).smsUrl).toBe(url);
    expect(load({ SMS_URL: "brevo+http://KEY@127.0.0.1:8025?sender=RDVOrient" }).smsUrl).toBeDefined();
  });

  it("generates the session secret once and keeps it in DATA_DIR", () => {
    const dir = dataDir();
    const first = loadConfig({ DATA_DIR: dir }).sessionSecret;
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(loadConfig({ DATA_DIR: dir }).sessionSecret).toBe(first);
    expect(readFileSync(join(dir, "session-secret"), "utf8").trim()).toBe(first);
  });

  it("starts the clock at NOW, then lets it run", () => {
    expect(load({ NOW: "2026-03-29T01:30:00+01:00" }).now?.toISOString()).toBe("2026-03-29T00:30:00.000Z");
  });

  it.each([
    [{ PORT: "abc" }, /^Configuration invalide : PORT doit être un nombre \(valeur reçue : « abc »\)\.$/],
    [{ PORT: "70000" }, /PORT doit être entre 1 et 65535/],
    [{ PUBLIC_URL: "rdv.example.fr" }, /PUBLIC_URL doit être une adresse http\(s\) complète/],
    [{ DATABASE_URL: "mysql://root@localhost/rdv" }, /DATABASE_URL doit commencer par postgresql:\/\//],
    [{ SMTP_URL: "mail.example.fr" }, /SMTP_URL doit commencer par smtp:\/\//],
    [{ SMS_URL: "https://api.brevo.com/v3" }, /^Configuration invalide : SMS_URL doit commencer par brevo:\/\/ .*\.$/],
    [{ SMS_URL: "brevo://api.brevo.com?sender=RDVOrient" }, /SMS_URL doit porter la clé API de Brevo avant le @/],
    [{ SMS_URL: "brevo://KEY@api.brevo.com" }, /SMS_URL doit nommer l'expéditeur \(\?sender=…\)/],
    [{ SMS_URL: "brevo://KEY@api.brevo.com?sender=RDV-Orientation" }, /SMS_URL doit nommer l'expéditeur/],
    [{ SMS_URL: "brevo://KEY@api.brevo.com?sender=RDVOrient&type=marketing" }, /SMS_URL ne prend que le paramètre sender/],
    [{ SMS_URL: "brevo+http://KEY@sms.example.fr?sender=RDVOrient" }, /SMS_URL ne peut être en clair \(brevo\+http:\/\/\)/],
    [{ SESSION_SECRET: "court" }, /SESSION_SECRET doit faire au moins 32 caractères/],
    [{ LOG_LEVEL: "bavard" }, /LOG_LEVEL doit valoir debug, info, warn, error, silent/],
    [{ NOW: "demain" }, /NOW doit être un instant ISO 8601/],
    [{ SERVER_PROCESSES: "deux", DATABASE_URL: "postgresql://localhost/rdv" }, /SERVER_PROCESSES doit être un nombre/],
    [{ SERVER_PROCESSES: "0", DATABASE_URL: "postgresql://localhost/rdv" }, /SERVER_PROCESSES doit être entre 1 et 64/],
    [{ OUTBOX_WORKER: "non" }, /^Configuration invalide : OUTBOX_WORKER doit valoir on ou off \(valeur reçue : « non »\)\.$/],
    [{ TRUST_PROXY: "oui" }, /TRUST_PROXY doit être un nombre/],
    [{ WEBHOOK_ALLOW_PRIVATE: "oui" }, /WEBHOOK_ALLOW_PRIVATE doit valoir true ou false/],
    [{ TRUST_PROXY: "11" }, /TRUST_PROXY doit être entre 0 et 10/],
    [{ CALENDAR_ALLOW_PRIVATE: "oui" }, /CALENDAR_ALLOW_PRIVATE doit valoir true ou false/],
    [{ CALENDAR_TIMEOUT_SECONDS: "0" }, /CALENDAR_TIMEOUT_SECONDS doit être entre 1 et 60/],
    [{ SERVER_PROCESSES: "2" }, /SERVER_PROCESSES au-delà de 1 demande PostgreSQL \(DATABASE_URL\)/],
    [{ NOW: "2026-03-29T08:00:00Z", NODE_ENV: "production" }, /NOW est refusé quand NODE_ENV=production/],
    [{ DATABASE_URL: "postgresql://localhost/rdv", NODE_ENV: "production" }, /SESSION_SECRET est exigé avec DATABASE_URL/],
    [
      { OIDC_ISSUER: "https://auth.proconnect.gouv.fr/api/v2" },
      /OIDC_ISSUER, OIDC_CLIENT_ID et OIDC_CLIENT_SECRET vont ensemble/,
    ],
    [{ OIDC_ISSUER: "auth.proconnect.gouv.fr", OIDC_CLIENT_ID: "a", OIDC_CLIENT_SECRET: "b" }, /OIDC_ISSUER doit être l'adresse/],
    [{ OIDC_SCOPES: "email" }, /OIDC_SCOPES doit contenir openid/],
    [
      { OIDC_ISSUER: "http://auth.example.fr", OIDC_CLIENT_ID: "a", OIDC_CLIENT_SECRET: "b" },
      /OIDC_ISSUER doit être en https:\/\//,
    ],
  ])("refuses %o with one line naming the variable", (env, message) => {
    const text = failure(env);
    expect(text).toMatch(message);
    expect(text).not.toContain("\n");
  });

  it("never echoes a value that may hold credentials", () => {
    expect(failure({ DATABASE_URL: "mysql://admin:s3cret@db/rdv" })).not.toContain("s3cret");
    expect(failure({ SESSION_SECRET: "s3cret" })).not.toContain("s3cret");
    expect(failure({ SMS_URL: "brevo://xkeysib-s3cret@api.brevo.com" })).not.toContain("s3cret");
  });
});
