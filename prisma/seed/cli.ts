// `npm run seed`: loads the demo directory, the demo accounts and, on a database without
// appointments, six months of past activity into the configured database (PGlite in ./data by
// default). `npm start` runs it in a child process to create a new embedded database, in the
// folder `--into` names.
import { loadConfig } from "../../server/config.ts";
import { openDatabase } from "../../server/db/database.ts";
import { migrate } from "../../server/db/migrate.ts";
import { createLogger } from "../../server/logger.ts";
import { seedDemoDatabase } from "./demo.ts";

const config = loadConfig();
const say = (line: string) => console.log(line);
const into = process.argv.indexOf("--into");
const dir = into > 0 ? process.argv[into + 1] : undefined;
const db = await openDatabase(dir ? { kind: "pglite", dir } : config.database);
try {
  const applied = await migrate(db);
  if (applied.length > 0) say(`Base de données : ${applied.length} migration(s) appliquée(s), jusqu'à ${applied.at(-1)}.`);
  await seedDemoDatabase(db, { config, now: config.now ?? new Date(), say, log: createLogger(config.logLevel) });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.close();
}
