// `npm run db:migration <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql,
// the difference between the datamodel the migrations lead to (one snapshot for them all,
// prisma/migrations/schema.prisma) and prisma/schema.prisma, then makes prisma/schema.prisma
// the snapshot. Raw SQL that Prisma cannot express (exclusion constraints…) is appended by
// hand to the new file, which is then kept as is: an applied migration is never edited.
// To write again a migration not yet applied anywhere, delete its folder and restore the
// snapshot first (`git checkout prisma/migrations/schema.prisma`).
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage : npm run db:migration <nom_en_snake_case>");
  process.exit(2);
}
const dir = "prisma/migrations";
const snapshot = join(dir, "schema.prisma");
mkdirSync(dir, { recursive: true });
const migrated = readdirSync(dir).some((d) => existsSync(join(dir, d, "migration.sql")));
if (migrated && !existsSync(snapshot)) {
  console.error(`${snapshot} manque : c'est le schéma auquel mènent les migrations, contre lequel la nouvelle se calcule.`);
  process.exit(1);
}
const from = migrated ? ["--from-schema-datamodel", snapshot] : ["--from-empty"];
const diff = spawnSync(
  "node_modules/.bin/prisma",
  ["migrate", "diff", ...from, "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
  { encoding: "utf8", env: { ...process.env, CHECKPOINT_DISABLE: "1" } },
);
if (diff.status !== 0) {
  console.error(diff.stderr || diff.stdout);
  process.exit(1);
}
if (/^-- This is an empty migration\.\s*$/m.test(diff.stdout)) {
  console.error("Rien à migrer : prisma/schema.prisma n'a pas changé depuis la dernière migration.");
  process.exit(1);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const target = join(dir, `${stamp}_${name}`);
mkdirSync(target);
writeFileSync(join(target, "migration.sql"), diff.stdout);
copyFileSync("prisma/schema.prisma", snapshot);
console.log(`${target}/migration.sql écrit. Ajoutez-y à la main le SQL que Prisma ne sait pas exprimer.`);
