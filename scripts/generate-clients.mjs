// npm run db:generate (also run by postinstall and npm start/test): the Prisma clients of both
// databases, lib/core/db/generated/prisma (SQLite) and lib/core/db/generated/postgresql. Each is
// generated with a DATABASE_URL of its kind: prisma.config.ts picks the schema and driver adapter
// by it, and with a mismatched pair the CLI tries to download a native engine (and fails offline).
// Nothing connects to either URL.
import { execFileSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const kinds = [
  ["prisma/schema.prisma", process.env.DATABASE_URL?.startsWith("file:") ? process.env.DATABASE_URL : "file:/tmp/zkc-generate.db"],
  ["prisma/postgresql/schema.prisma", "postgresql://generate@127.0.0.1:1/generate"],
];
for (const [schema, url] of kinds) {
  execFileSync("npx", ["prisma", "generate", "--schema", schema], { cwd: root, stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, DATABASE_URL: url } });
}
console.log("generated the Prisma clients (SQLite, PostgreSQL) into lib/core/db/generated/");
