import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { z } from "zod";
import { readSmsUrl } from "./sms/sms-url.ts";

const LOG_LEVELS = ["debug", "info", "warn", "error", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

const integerBetween = (min: number, max: number) =>
  z.coerce
    .number({ error: "doit être un nombre" })
    .int("doit être un entier")
    .min(min, `doit être entre ${min} et ${max}`)
    .max(max, `doit être entre ${min} et ${max}`);

const EnvSchema = z.object({
  NODE_ENV: optional(z.enum(["development", "production", "test"])),
  PORT: optional(integerBetween(1, 65535)),
  PUBLIC_URL: optional(
    z.url({ protocol: /^https?$/, error: "doit être une adresse http(s) complète, par exemple https://rdv.example.fr" }),
  ),
  DATABASE_URL: optional(
    z.string().regex(/^postgres(ql)?:\/\/.+/, "doit commencer par postgresql:// (laisser vide pour la base embarquée)"),
  ),
  DATA_DIR: optional(z.string()),
  SMTP_URL: optional(z.string().regex(/^smtps?:\/\/.+/, "doit commencer par smtp:// ou smtps://")),
  SMS_URL: optional(
    z.string().superRefine((value, ctx) => {
      const read = readSmsUrl(value);
      if (!read.ok) ctx.addIssue({ code: "custom", message: read.problem });
    }),
  ),
  MAIL_FROM: optional(z.string().min(3, "doit être une adresse d'expéditeur")),
  SESSION_SECRET: optional(z.string().min(32, "doit faire au moins 32 caractères")),
  LOG_LEVEL: optional(z.enum(LOG_LEVELS, { error: `doit valoir ${LOG_LEVELS.join(", ")}` })),
  SEED_PASSWORD: optional(z.string().min(12, "doit faire au moins 12 caractères")),
  SERVER_PROCESSES: optional(integerBetween(1, 64)),
  OUTBOX_WORKER: optional(z.enum(["on", "off"], { error: "doit valoir on ou off" })),
  TRUST_PROXY: optional(integerBetween(0, 10)),
  API_TOKEN_RATE_PER_MINUTE: optional(integerBetween(1, 100_000)),
  WEBHOOK_ALLOW_PRIVATE: optional(z.enum(["true", "false"], { error: "doit valoir true ou false" })),
  CALENDAR_ALLOW_PRIVATE: optional(z.enum(["true", "false"], { error: "doit valoir true ou false" })),
  CALENDAR_TIMEOUT_SECONDS: optional(integerBetween(1, 60)),
  NOW: optional(z.iso.datetime({ offset: true, error: "doit être un instant ISO 8601, par exemple 2026-03-23T08:00:00+01:00" })),
  OIDC_ISSUER: optional(
    z.url({
      protocol: /^https?$/,
      error: "doit être l'adresse du fournisseur OpenID Connect, par exemple https://auth.proconnect.gouv.fr/api/v2",
    }),
  ),
  OIDC_CLIENT_ID: optional(z.string().min(1)),
  OIDC_CLIENT_SECRET: optional(z.string().min(1)),
  OIDC_SCOPES: optional(
    z.string().regex(/(^|\s)openid(\s|$)/, "doit contenir openid, par exemple « openid email given_name usual_name »"),
  ),
  OIDC_ACR_VALUES: optional(z.string().max(200, "doit faire au plus 200 caractères")),
});

/** Never echoed back: they may hold credentials. */
const SECRET = new Set(["DATABASE_URL", "SMTP_URL", "SMS_URL", "SESSION_SECRET", "SEED_PASSWORD", "OIDC_CLIENT_SECRET"]);

/** ProConnect's claims: the address an account is matched by, and the names it shows. */
const OIDC_SCOPES = "openid email given_name usual_name";

/** ProConnect (OpenID Connect) sign-in for staff; absent, the button is hidden. */
export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  scopes: string;
  /** Asked of the provider as acr_values (ProConnect: « eidas1 »), when set. */
  acrValues: string | undefined;
}

export interface Config {
  env: "development" | "production" | "test";
  port: number;
  publicUrl: string;
  database: { kind: "pglite"; dir: string } | { kind: "postgresql"; url: string };
  dataDir: string;
  smtpUrl: string | undefined;
  /** Brevo's API key and sender (server/sms/sms-url.ts); empty: SMS are written to DATA_DIR/outbox/sms. */
  smsUrl: string | undefined;
  mailFrom: string;
  sessionSecret: string;
  logLevel: LogLevel;
  /** Start of the app's clock (demos, training, acceptance tests); never in production. */
  now: Date | undefined;
  /** Password of the demo accounts (generated and printed once when absent). */
  seedPassword: string | undefined;
  /** Server processes sharing the port (one per core uses them all); PostgreSQL only. */
  processes: number;
  /**
   * Whether this process sends the outbox's e-mails. Off, it only takes requests: for a
   * deployment where another process (OUTBOX_WORKER=on) sends, so that bursts of bookings and
   * their e-mails do not compete for the same cores.
   */
  outboxWorker: boolean;
  /**
   * How many proxies (load balancers) stand between the people and this process: the client's
   * address is then read from X-Forwarded-For, that many hops back. 0: the socket's address.
   */
  trustProxy: number;
  /** Requests one API token may make in a minute, across every instance; past it, 429. */
  apiTokenRatePerMinute: number;
  /**
   * Whether webhooks may be sent to private, loopback or link-local addresses: never on the
   * Internet (a URL would reach the platform's own network), only for tests and closed networks.
   */
  webhookAllowPrivate: boolean;
  oidc: OidcConfig | undefined;
  /** Reading advisors' own calendars (features/busy-calendar/). */
  busyCalendars: {
    /**
     * Whether a calendar's address may lead to a private or local network: never on a public
     * platform (the server would read its own network for whoever asks); a test's local server.
     */
    allowPrivate: boolean;
    /** How long one read may take, from connecting to the last byte. */
    timeoutMs: number;
    /** A calendar larger than this is refused (a year of a busy agenda is a few hundred KiB). */
    maxBytes: number;
    /**
     * How long reading a calendar's busy times may take, once fetched: a calendar whose
     * repetitions never end is given up after that, rather than hold a thread for ever.
     */
    readTimeoutMs: number;
  };
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Reads the environment; throws a ConfigError whose message is one line naming the variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? "?");
    throw new ConfigError(
      `Configuration invalide : ${name} ${issue?.message ?? "est invalide"}${SECRET.has(name) ? "" : ` (valeur reçue : « ${env[name]} »)`}.`,
    );
  }
  const e = parsed.data;
  const nodeEnv = e.NODE_ENV ?? "development";
  if (e.NOW && nodeEnv === "production") {
    throw new ConfigError(
      "Configuration invalide : NOW est refusé quand NODE_ENV=production (l'horloge doit être l'heure réelle).",
    );
  }
  const processes = e.SERVER_PROCESSES ?? 1;
  if (processes > 1 && !e.DATABASE_URL) {
    throw new ConfigError(
      "Configuration invalide : SERVER_PROCESSES au-delà de 1 demande PostgreSQL (DATABASE_URL) : la base embarquée ne sert qu'un processus.",
    );
  }
  if (e.DATABASE_URL && nodeEnv === "production" && !e.SESSION_SECRET) {
    // Each machine would generate its own: what one seals, the others could not open.
    throw new ConfigError(
      "Configuration invalide : SESSION_SECRET est exigé avec DATABASE_URL quand NODE_ENV=production : chaque serveur doit sceller et ouvrir avec le même secret.",
    );
  }
  const oidcSet = [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET].filter(Boolean).length;
  if (oidcSet > 0 && oidcSet < 3) {
    throw new ConfigError(
      "Configuration invalide : OIDC_ISSUER, OIDC_CLIENT_ID et OIDC_CLIENT_SECRET vont ensemble (les trois pour ProConnect, aucun sans).",
    );
  }
  if (e.OIDC_ISSUER?.startsWith("http:") && !inClearToThisMachine(e.OIDC_ISSUER)) {
    throw new ConfigError(
      "Configuration invalide : OIDC_ISSUER doit être en https:// (en clair, http://, seulement vers cette machine, pour les essais).",
    );
  }
  const port = e.PORT ?? 3000;
  const dataDir = resolve(e.DATA_DIR ?? "data");
  return {
    env: nodeEnv,
    port,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, ""),
    database: e.DATABASE_URL ? { kind: "postgresql", url: e.DATABASE_URL } : { kind: "pglite", dir: join(dataDir, "pglite") },
    dataDir,
    smtpUrl: e.SMTP_URL,
    smsUrl: e.SMS_URL,
    mailFrom: e.MAIL_FROM ?? "RDV Orientation <ne-pas-repondre@rdv-orientation.localhost>",
    sessionSecret: e.SESSION_SECRET ?? keptSecret(dataDir),
    logLevel: e.LOG_LEVEL ?? (nodeEnv === "test" ? "warn" : "info"),
    now: e.NOW ? new Date(e.NOW) : undefined,
    seedPassword: e.SEED_PASSWORD,
    processes,
    outboxWorker: e.OUTBOX_WORKER !== "off",
    trustProxy: e.TRUST_PROXY ?? 0,
    apiTokenRatePerMinute: e.API_TOKEN_RATE_PER_MINUTE ?? 300,
    webhookAllowPrivate: e.WEBHOOK_ALLOW_PRIVATE === "true",
    oidc:
      e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET
        ? {
            issuer: e.OIDC_ISSUER,
            clientId: e.OIDC_CLIENT_ID,
            clientSecret: e.OIDC_CLIENT_SECRET,
            scopes: e.OIDC_SCOPES ?? OIDC_SCOPES,
            acrValues: e.OIDC_ACR_VALUES,
          }
        : undefined,
    busyCalendars: {
      allowPrivate: e.CALENDAR_ALLOW_PRIVATE === "true",
      timeoutMs: (e.CALENDAR_TIMEOUT_SECONDS ?? 10) * 1000,
      maxBytes: 2 * 1024 * 1024,
      readTimeoutMs: 5_000,
    },
  };
}

/** An http:// address of this machine (tests, development): the only one a secret may go to in clear. */
export function inClearToThisMachine(address: string): boolean {
  const { protocol, hostname } = new URL(address);
  return protocol === "http:" && (hostname === "localhost" || hostname === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(hostname));
}

/** Generated on first start and kept, so sessions survive restarts without configuration. */
function keptSecret(dataDir: string): string {
  const file = join(dataDir, "session-secret");
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(dataDir, { recursive: true });
    const secret = randomBytes(32).toString("base64url");
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
    return secret;
  }
}
