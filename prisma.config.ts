import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { withScriptShadow } from "./lib/core/db/adapter";
import { postgresAdapter } from "./lib/core/db/postgres-adapter";
import { databaseKind, databaseUrl, databaseUrlProblem } from "./lib/core/db/url";

// Prisma 6.19 with the JavaScript schema engine: works fully offline. DATABASE_URL picks the
// database: a postgresql:// URL the PostgreSQL schema, migrations and driver adapter, anything
// else SQLite (prisma/postgresql/schema.prisma is derived from prisma/schema.prisma).
const url = databaseUrl();
// Anything else would be taken for a SQLite file name (and Prisma would look for a query engine).
const badUrl = databaseUrlProblem(url);
if (badUrl) throw new Error(badUrl);
const dir = databaseKind(url) === "postgresql" ? path.join("prisma", "postgresql") : "prisma";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(dir, "schema.prisma"),
  migrations: { path: path.join(dir, "migrations") },
  adapter: async () => (databaseKind(url) === "postgresql" ? postgresAdapter(url) : withScriptShadow(new PrismaBetterSQLite3({ url }))),
});
