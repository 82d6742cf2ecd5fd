// The audit chain on PostgreSQL, appended by several processes at once (as console instances
// sharing one database are): never forked, one row per append, the database itself refusing to
// change or remove a record, and `npm run audit:verify` reading it back.
import { spawn, spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/core/db/client";
import { appendAudit } from "@/lib/access/audit/chain";
import { freshPostgresDatabase, suitePostgres } from "@/test/support/postgres";
import { verifyAuditChain } from "./verify";

describe("the audit hash chain on PostgreSQL", () => {
  let url: string;
  beforeAll(async () => {
    url = await freshPostgresDatabase("audit_chain");
    process.env.DATABASE_URL = url;
    // Its own checkpoints: the run's shared file vouches for the suite's SQLite chain, not this one.
    process.env.AUDIT_CHECKPOINT_FILE = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "zkc-pg-audit-")), "audit-checkpoints.jsonl");
  });
  afterAll(() => db().$disconnect());

  const event = () => appendAudit({ requestId: randomUUID(), actorName: "tester", operation: "pg_test_event", outcome: "ok" });
  const worker = (name: string, count: number) => new Promise<number>((resolve) => {
    const child = spawn("npx", ["tsx", "--conditions=react-server", "test/audit/append-worker.ts", String(count), name], { env: { ...process.env, DATABASE_URL: url }, stdio: ["ignore", "inherit", "inherit"] });
    child.on("exit", (code) => resolve(code ?? 1));
  });

  it("three processes and this one append at once: one row each, one unbroken chain", async () => {
    const here = Array.from({ length: 30 }, () => event());
    expect(await Promise.all([worker("proc-a", 40), worker("proc-b", 40), worker("proc-c", 40)])).toEqual([0, 0, 0]);
    await Promise.all(here);
    expect(await db().auditRecord.count({ where: { operation: "concurrency_test" } })).toBe(120);
    expect(await db().auditRecord.count({ where: { operation: "pg_test_event" } })).toBe(30);
    const ids = (await db().auditRecord.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((r) => r.id);
    expect(ids).toEqual(ids.map((_, i) => i + 1));
    expect(await verifyAuditChain()).toMatchObject({ ok: true, checked: 150 });
  }, 180_000);

  it("refuses UPDATE, DELETE and TRUNCATE of a record in the database itself", async () => {
    const row = await event();
    await expect(db().auditRecord.update({ where: { id: row.id }, data: { actorName: "someone else" } })).rejects.toThrow(/append-only: UPDATE refused/);
    await expect(db().auditRecord.delete({ where: { id: row.id } })).rejects.toThrow(/append-only: DELETE refused/);
    await expect(suitePostgres().query(`TRUNCATE "AuditRecord" CASCADE`, new URL(url).pathname.slice(1))).rejects.toThrow(/append-only: TRUNCATE refused/);
    expect(await db().auditRecord.findUnique({ where: { id: row.id } })).toMatchObject({ actorName: "tester" });
  });

  it("npm run audit:verify checks it", () => {
    const r = spawnSync("npm", ["run", "-s", "audit:verify"], { env: { ...process.env, DATABASE_URL: url }, encoding: "utf8" });
    expect(r.stdout + r.stderr).toMatch(/audit trail intact: 151 records checked/);
    expect(r.status).toBe(0);
  });
});
