// What Prisma's schema engine says about the committed migrations of each database, through a
// throwaway database of that kind (the JavaScript engine diffs through a live connection). Shared
// by `npm run db:migration` (writes what is missing), `npm run db:check` and the drift test.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { POSTGRES_MIGRATIONS, POSTGRES_SCHEMA, SQLITE_MIGRATIONS, SQLITE_SCHEMA } from "./postgresql-schema";
import { startPostgres } from "./postgres-server";

export type DatabaseKind = "sqlite" | "postgresql";

export const DATABASES: Record<DatabaseKind, { schema: string; migrations: string }> = {
  sqlite: { schema: SQLITE_SCHEMA, migrations: SQLITE_MIGRATIONS },
  postgresql: { schema: POSTGRES_SCHEMA, migrations: POSTGRES_MIGRATIONS },
};

function prisma(root: string, args: string[], databaseUrl: string): string {
  return execFileSync("npx", ["prisma", ...args], { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: "pipe" }).toString();
}

/** An empty database of each kind for `fn(urls)`, removed afterwards. */
export async function withScratchDatabases<T>(fn: (urls: Record<DatabaseKind, string>) => Promise<T>): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zkc-migrations-"));
  const pg = await startPostgres();
  try {
    return await fn({ sqlite: `file:${path.join(dir, "scratch.db")}`, postgresql: await pg.createDatabase("scratch") });
  } finally {
    pg.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The SQL that turns the committed migrations of `kind` into its schema ("" when none is needed). */
export function missingMigrationSql(root: string, kind: DatabaseKind, scratchUrl: string, schema = DATABASES[kind].schema): string {
  const { migrations } = DATABASES[kind];
  const sql = prisma(root, ["migrate", "diff", "--from-migrations", migrations, "--to-schema-datamodel", schema, "--script"], scratchUrl);
  return /^\s*(CREATE|ALTER|DROP|PRAGMA|INSERT|UPDATE|DELETE)\b/im.test(sql) ? sql.replace(/^Loaded Prisma config.*\n+/m, "") : "";
}

/** The next migration number, shared by both folders so that a change has one name in both. */
export function nextMigrationNumber(root: string): string {
  const numbers = Object.values(DATABASES).flatMap(({ migrations }) => {
    const dir = path.join(root, migrations);
    return fs.existsSync(dir) ? fs.readdirSync(dir).map((d) => Number(/^(\d{4})_/.exec(d)?.[1] ?? 0)) : [];
  });
  return String(Math.max(0, ...numbers) + 1).padStart(4, "0");
}

/**
 * Drift of one database kind, or null: the missing SQL when its committed migrations, replayed into
 * an empty database, do not give its schema. (`migrate deploy` itself runs in every test setup.)
 */
export function migrationDrift(root: string, kind: DatabaseKind, scratchUrl: string): string | null {
  const sql = missingMigrationSql(root, kind, scratchUrl);
  return sql ? `${DATABASES[kind].migrations} applied to an empty database lack:\n${sql}` : null;
}
