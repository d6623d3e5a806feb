import type { TokenCaller } from "./auth/api-tokens.ts";
import type { Scope } from "./auth/scope.ts";
import type { StaffIdentity } from "./auth/sessions.ts";
import type { Clock } from "./clock.ts";
import type { Config } from "./config.ts";
import type { Database } from "./db/database.ts";
import type { Logger } from "./logger.ts";

/** What every request handler may use; built once in main.ts (or by a test). */
export interface Deps {
  db: Database;
  clock: Clock;
  config: Config;
  log: Logger;
}

/**
 * What a staff verb runs with: the request's dependencies and who acts, as their scope
 * (auth/scope.ts) — never the HTTP context. Routes build it with `staffDeps(c, area)`.
 */
export interface StaffDeps extends Pick<Deps, "db" | "clock" | "config"> {
  scope: Scope;
}

export type AppEnv = {
  Variables: {
    deps: Deps;
    requestId: string;
    staff?: StaffIdentity | undefined;
    /** The caller of a request with `Authorization: Bearer rdv_…` (then `staff` is never set). */
    apiToken?: TokenCaller | undefined;
    scope?: Scope | undefined;
  };
};
