// prisma/postgresql/schema.prisma is derived from prisma/schema.prisma, the one schema source:
// same models, PostgreSQL datasource, its client generated beside the SQLite one.
// `npm run db:migration` rewrites it; test/database/schema-drift.test.ts fails when it is stale.
import fs from "node:fs";
import path from "node:path";

export const SQLITE_SCHEMA = path.join("prisma", "schema.prisma");
export const POSTGRES_SCHEMA = path.join("prisma", "postgresql", "schema.prisma");
export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
export const SQLITE_MIGRATIONS = path.join("prisma", "migrations");
export const POSTGRES_MIGRATIONS = path.join("prisma", "postgresql", "migrations");

const HEADER = "// GENERATED from prisma/schema.prisma by `npm run db:migration`: edit that file, not this one.\n\n";

function replaceOnce(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`prisma/schema.prisma: expected \`${from}\` (the PostgreSQL schema is derived from it)`);
  return text.replace(from, to);
}

export function derivePostgresSchema(sqlite: string): string {
  let out = replaceOnce(sqlite, 'provider = "sqlite"', 'provider = "postgresql"');
  out = replaceOnce(out, 'output     = "../lib/core/db/generated/prisma"', 'output     = "../../lib/core/db/generated/postgresql"');
  return HEADER + out;
}

/** Is prisma/postgresql/schema.prisma the one derived from prisma/schema.prisma? */
export function postgresSchemaIsCurrent(root: string): boolean {
  const file = path.join(root, POSTGRES_SCHEMA);
  return fs.existsSync(file) && fs.readFileSync(file, "utf8") === derivePostgresSchema(fs.readFileSync(path.join(root, SQLITE_SCHEMA), "utf8"));
}

/** Write prisma/postgresql/schema.prisma from prisma/schema.prisma under `root`; true when it changed. */
export function writePostgresSchema(root: string): boolean {
  if (postgresSchemaIsCurrent(root)) return false;
  fs.writeFileSync(path.join(root, POSTGRES_SCHEMA), derivePostgresSchema(fs.readFileSync(path.join(root, SQLITE_SCHEMA), "utf8")));
  return true;
}
