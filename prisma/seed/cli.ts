// `npm run seed`: loads the demo directory (and, on a database without appointments, six months
// of past activity) into the configured database (PGlite in ./data by default).
import { loadConfig } from "../../server/config.ts";
import { openDatabase } from "../../server/db/database.ts";
import { migrate } from "../../server/db/migrate.ts";
import { seedDemoAccountsFor } from "./demo-accounts.ts";
import { seedDemoHistory } from "./history.ts";
import { seedDemo } from "./index.ts";

const config = loadConfig();
const db = await openDatabase(config.database);
try {
  const applied = await migrate(db);
  if (applied.length > 0) console.log(`Migrations appliquées : ${applied.join(", ")}`);
  const counts = await seedDemo(db.prisma, { log: (msg) => console.log(msg) });
  console.table(counts);
  await seedDemoAccountsFor(db.prisma, config, (line) => console.log(line));
  await seedDemoHistory(db.prisma, config.now ?? new Date(), { log: (msg) => console.log(msg) });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.close();
}
