// `npm run db:reset`: empties the configured database (embedded or PostgreSQL), applies the
// migrations and loads the demo directory. Refused when NODE_ENV=production.
import { rmSync } from "node:fs";
import { loadConfig } from "../server/config.ts";
import { openDatabase } from "../server/db/database.ts";
import { migrate } from "../server/db/migrate.ts";
import { seedDemoAccountsFor } from "./seed/demo-accounts.ts";
import { seedDemoHistory } from "./seed/history.ts";
import { seedDemo } from "./seed/index.ts";

const config = loadConfig();
if (config.env === "production") {
  console.error("db:reset est refusé quand NODE_ENV=production.");
  process.exit(1);
}
if (config.database.kind === "pglite") {
  rmSync(config.database.dir, { recursive: true, force: true });
}
const db = await openDatabase(config.database);
try {
  if (db.kind === "postgresql") {
    await db.transaction((sql) => sql.exec(`DROP SCHEMA public CASCADE; CREATE SCHEMA public;`));
  }
  const applied = await migrate(db);
  const counts = await seedDemo(db);
  await seedDemoAccountsFor(db.prisma, config, (line) => console.log(line));
  await seedDemoHistory(db, config.now ?? new Date(), { log: (msg) => console.log(msg) });
  console.log(`Base ${db.kind} remise à zéro : ${applied.length} migration(s), annuaire de démonstration chargé.`, counts);
} finally {
  await db.close();
}
