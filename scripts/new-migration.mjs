// npm run db:migration -- <name> : write prisma/migrations/<NNNN>_<name>/migration.sql with the
// SQL that turns the last committed schema (git HEAD) into the working prisma/schema.prisma.
// `prisma migrate dev` does not work with the offline JavaScript engine; this is its stand-in.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { root } from "./prepare.mjs";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration -- <name>   (lowercase letters, digits, underscore)");
  process.exit(2);
}
const dir = path.join(root, "prisma", "migrations");
const next = String(fs.readdirSync(dir).filter((d) => /^\d{4}_/.test(d)).length + 1).padStart(4, "0");
const from = path.join(root, "prisma", ".committed-schema.prisma");
fs.writeFileSync(from, execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], { cwd: root }));
try {
  const sql = execFileSync("npx", ["prisma", "migrate", "diff", "--from-schema-datamodel", from, "--to-schema-datamodel", "prisma/schema.prisma", "--script"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL ?? "file:/tmp/zkc-migration-diff.db" },
  }).toString();
  if (!/CREATE|ALTER|DROP/.test(sql)) {
    console.log("no schema change since the last commit: nothing written");
    process.exit(0);
  }
  const target = path.join(dir, `${next}_${name}`);
  fs.mkdirSync(target);
  fs.writeFileSync(path.join(target, "migration.sql"), sql);
  console.log(`wrote ${path.relative(root, target)}/migration.sql`);
} finally {
  fs.rmSync(from, { force: true });
}
