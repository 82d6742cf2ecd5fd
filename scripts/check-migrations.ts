// npm run db:check : do the committed migrations of both databases give their schemas? And is
// prisma/postgresql/schema.prisma the one derived from prisma/schema.prisma? Exit 1 with the
// missing SQL otherwise (the fix is `npm run db:migration -- <name>`).
import { POSTGRES_SCHEMA, postgresSchemaIsCurrent, ROOT as root, SQLITE_SCHEMA } from "./postgresql-schema";
import { DATABASES, migrationDrift, withScratchDatabases } from "./migrations";

const problems: string[] = [];
if (!postgresSchemaIsCurrent(root)) problems.push(`${POSTGRES_SCHEMA} is not the one derived from ${SQLITE_SCHEMA}`);
void withScratchDatabases(async (scratch) => {
  for (const kind of Object.keys(DATABASES) as (keyof typeof DATABASES)[]) {
    const drift = migrationDrift(root, kind, scratch[kind]);
    if (drift) problems.push(drift);
  }
}).then(() => {
  if (problems.length) {
    console.error(`${problems.join("\n\n")}\n\nrun: npm run db:migration -- <name>`);
    process.exit(1);
  }
  console.log("migrations of SQLite and PostgreSQL match prisma/schema.prisma");
});
