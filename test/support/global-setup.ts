// Vitest global setup: a fresh SQLite database with the committed migrations applied (the default
// DATABASE_URL of every test), the audit trail's key files and checkpoints in the same throwaway
// folder, and the suite's PostgreSQL server (test/support/postgres.ts).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startSuitePostgres } from "./postgres";

export default async function setup() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zkc-test-db-"));
  const url = `file:${path.join(dir, "test.db")}`;
  process.env.DATABASE_URL = url;
  // The audit chain's key, signing key and checkpoints of this run, beside its database.
  process.env.AUDIT_KEY_FILE = path.join(dir, "audit-hmac.key");
  process.env.AUDIT_SIGNING_KEY_FILE = path.join(dir, "audit-signing-key.pem");
  process.env.AUDIT_CHECKPOINT_FILE = path.join(dir, "audit-checkpoints.jsonl");
  execFileSync("npx", ["prisma", "migrate", "deploy"], { env: { ...process.env, DATABASE_URL: url }, stdio: "pipe" });
  const postgres = await startSuitePostgres();
  return () => {
    postgres.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
