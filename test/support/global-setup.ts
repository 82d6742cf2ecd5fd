// Vitest global setup: a fresh SQLite database with the committed migrations applied, and the audit
// trail's key files and checkpoints in the same throwaway folder.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export default function setup() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zkc-test-db-"));
  const url = `file:${path.join(dir, "test.db")}`;
  process.env.DATABASE_URL = url;
  // The audit chain's key, signing key and checkpoints of this run, beside its database.
  process.env.AUDIT_KEY_FILE = path.join(dir, "audit-hmac.key");
  process.env.AUDIT_SIGNING_KEY_FILE = path.join(dir, "audit-signing-key.pem");
  process.env.AUDIT_CHECKPOINT_FILE = path.join(dir, "audit-checkpoints.jsonl");
  execFileSync("npx", ["prisma", "migrate", "deploy"], { env: { ...process.env, DATABASE_URL: url }, stdio: "pipe" });
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
