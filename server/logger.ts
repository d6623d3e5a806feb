import type { LogLevel } from "./config.ts";

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

/**
 * One JSON object per line on stdout. Callers pass identifiers and counts only:
 * personal data (names, e-mails, phones, tokens, request bodies) never goes to logs.
 */
export function createLogger(level: LogLevel, write: (line: string) => void = (l) => process.stdout.write(l)): Logger {
  const at =
    (lvl: Exclude<LogLevel, "silent">) =>
    (msg: string, fields: LogFields = {}) => {
      if (RANK[lvl] < RANK[level]) return;
      write(`${JSON.stringify({ time: new Date().toISOString(), level: lvl, msg, ...fields })}\n`);
    };
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}

/**
 * Secret path segments (private links, calendar feeds, invitations) replaced before logging —
 * however the path is written: doubled or encoded slashes, any case (a router may not match it,
 * the log line is written all the same).
 */
export function redactPath(path: string): string {
  return path.replace(
    /^((?:\/|%2f)+(?:api(?:\/|%2f)+)?(?:manage|rdv|feeds|invitations|offers|offre|waitlist|attente))(?:\/|%2f)+[^/]+/i,
    (_, prefix: string) => `${prefix}/:token`,
  );
}

/**
 * What is logged of an unexpected error: its kind, its code (a SQLSTATE, a Prisma code) and where
 * in the code it arose — never its message, which may quote what was sent (a name, an address).
 */
export function traceOf(error: unknown): LogFields {
  if (!(error instanceof Error)) return { error: typeof error };
  const code = (error as { code?: unknown }).code;
  const frames = (error.stack ?? "")
    .split("\n")
    .slice(1)
    .map((line) => /\(?((?:file:\/\/)?\/[^()\s]+:\d+:\d+)\)?$/.exec(line.trim())?.[1])
    .filter((frame): frame is string => frame !== undefined && !frame.includes("node_modules"))
    .slice(0, 3)
    .map((frame) => frame.replace(/^.*?\/(server|emails|prisma)\//, "$1/"));
  return { error: error.name, ...(typeof code === "string" && { code }), at: frames.join(" < ") };
}
