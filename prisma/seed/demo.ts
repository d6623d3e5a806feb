import type { Config } from "../../server/config.ts";
import type { Database } from "../../server/db/database.ts";
import type { Logger } from "../../server/logger.ts";
import type { Say } from "../../server/startup.ts";
import { seedDemoAccountsFor } from "./demo-accounts.ts";
import { HISTORY_MONTHS, seedDemoHistory } from "./history.ts";
import { seedDemo } from "./index.ts";

/**
 * The whole demo on a migrated database: the directory, the demo accounts (their password
 * printed, never logged) and six months of past activity, so that the figures show something;
 * the slots from today on stay free. Says each step in plain words, logs the counts.
 */
export async function seedDemoDatabase(db: Database, deps: { config: Config; now: Date; say: Say; log: Logger }) {
  const { config, now, say, log } = deps;
  say("Annuaire de démonstration : structures, lieux, conseillers et horaires…");
  const started = performance.now();
  const counts = await seedDemo(db);
  log.info("demo directory loaded", { ...counts, ms: Math.round(performance.now() - started) });
  await seedDemoAccountsFor(db.prisma, config, say);
  say(`Données de démonstration : ${HISTORY_MONTHS} mois d'historique…`);
  const history = performance.now();
  const added = await seedDemoHistory(db, now);
  log.info("demo history loaded", { ...added, ms: Math.round(performance.now() - history) });
}
