import fs from "node:fs";
import path from "node:path";

/** DATABASE_URL, or the embedded default data/console.db (its folder created on demand). */
export function databaseUrl(): string {
  const url = process.env.DATABASE_URL ?? `file:${path.join(process.cwd(), "data", "console.db")}`;
  if (url.startsWith("file:")) fs.mkdirSync(path.dirname(url.slice(5)), { recursive: true });
  process.env.DATABASE_URL = url;
  return url;
}

export type DatabaseKind = "sqlite" | "postgresql";

/** Which database a URL names: postgres:// or postgresql:// is PostgreSQL, anything else SQLite. */
export const databaseKind = (url: string = databaseUrl()): DatabaseKind => (/^postgres(ql)?:\/\//i.test(url) ? "postgresql" : "sqlite");
