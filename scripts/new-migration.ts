// npm run db:migration -- <name> : after a change to prisma/schema.prisma (the one schema source),
// re-derive prisma/postgresql/schema.prisma and write, for SQLite and PostgreSQL alike,
// <migrations>/<NNNN>_<name>/migration.sql with what the committed migrations lack to reach the
// schema. `prisma migrate dev` does not work with the offline JavaScript engine; this is its
// stand-in. Diffs are made against the migrations, not git, so it is safe to re-run after a rebase
// (delete your own unlanded migration folders first).
import fs from "node:fs";
import path from "node:path";
import { ROOT as root, writePostgresSchema } from "./postgresql-schema";
import { DATABASES, missingMigrationSql, nextMigrationNumber, withScratchDatabases } from "./migrations";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration -- <name>   (lowercase letters, digits, underscore)");
  process.exit(2);
}
if (writePostgresSchema(root)) console.log("rewrote prisma/postgresql/schema.prisma");
const folder = `${nextMigrationNumber(root)}_${name}`;
void withScratchDatabases(async (scratch) => {
  const out: string[] = [];
  for (const kind of Object.keys(DATABASES) as (keyof typeof DATABASES)[]) {
    const sql = missingMigrationSql(root, kind, scratch[kind]);
    if (!sql) continue;
    const target = path.join(root, DATABASES[kind].migrations, folder);
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, "migration.sql"), sql);
    out.push(path.relative(root, target));
  }
  return out;
}).then((written) => {
  if (written.length === 0) console.log("the migrations already match the schema: nothing written");
  for (const dir of written) console.log(`wrote ${dir}/migration.sql`);
  if (written.length === 1) console.log("(only one database needed a change)");
});
