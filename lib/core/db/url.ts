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

/** The schemes DATABASE_URL may have: SQLite's file: and PostgreSQL's two. */
const SUPPORTED_SCHEME = /^(file:|postgres(ql)?:\/\/)/i;

/** Null for a DATABASE_URL of a database the console supports, else why not (never the URL's password). */
export function databaseUrlProblem(url: string): string | null {
  if (SUPPORTED_SCHEME.test(url)) return null;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1];
  const what = scheme ? `has the scheme "${scheme}:", which the console does not support` : "names no scheme";
  return `DATABASE_URL ${what}: use file:<path> for SQLite or postgresql://<user>:<password>@<host>:<port>/<database> for PostgreSQL.`;
}
