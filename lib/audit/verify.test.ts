import Database from "better-sqlite3";
import { spawn, spawnSync } from "node:child_process";
import { createHmac, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { databaseUrl } from "@/lib/core/db/url";
import { db } from "@/lib/core/db/client";
import { appendAudit, GENESIS, HASHED_FIELDS, KEYED, unkeyedRecordHash } from "@/lib/access/audit/chain";
import type { AuditRecord } from "@/lib/core/db/generated/prisma/client";
import { checkpointFile } from "./checkpoint";
import { verifyAuditChain } from "./verify";
import { writeCheckpoint } from "./write-checkpoint";

/** Raw SQL on the database file, as someone with disk access would do it (the triggers dropped first). */
function tamper<T>(work: (raw: Database.Database) => T): T {
  const raw = new Database(databaseUrl().slice("file:".length));
  try {
    raw.exec(`DROP TRIGGER IF EXISTS "AuditRecord_append_only_update"; DROP TRIGGER IF EXISTS "AuditRecord_append_only_delete";`);
    return work(raw);
  } finally {
    raw.exec(`CREATE TRIGGER IF NOT EXISTS "AuditRecord_append_only_update" BEFORE UPDATE ON "AuditRecord" WHEN OLD."hash" IS NOT NULL
      BEGIN SELECT RAISE(ABORT, 'audit records are append-only: UPDATE refused'); END;
      CREATE TRIGGER IF NOT EXISTS "AuditRecord_append_only_delete" BEFORE DELETE ON "AuditRecord"
      BEGIN SELECT RAISE(ABORT, 'audit records are append-only: DELETE refused'); END;`);
    raw.close();
  }
}

/** `npm run audit:verify` against the test database (or another). */
const verifyScript = (env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl() }) => {
  const r = spawnSync("npm", ["run", "-s", "audit:verify"], { env, encoding: "utf8" });
  return { code: r.status, out: r.stdout + r.stderr };
};

/** Rows as better-sqlite3 reads them, in the shape the hash covers (dates as Date). */
const asRecord = (row: Record<string, unknown>) => ({ ...row, at: new Date(row.at as number) }) as unknown as AuditRecord;

/** Rewrite record `id` and recompute it and every later hash, as an attacker with the database but without the key would. */
function rewriteFrom(id: number, hash: (row: AuditRecord, prev: string) => string) {
  return tamper((raw) => {
    const rows = raw.prepare(`SELECT * FROM "AuditRecord" WHERE "id" >= ? ORDER BY "id"`).all(id) as Record<string, unknown>[];
    const original = rows.map((r) => ({ ...r }));
    let prev = (raw.prepare(`SELECT "hash" FROM "AuditRecord" WHERE "id" = ?`).get(id - 1) as { hash: string } | undefined)?.hash ?? GENESIS;
    // prevHash is unique: clear the old links first, then write the new ones in order.
    raw.prepare(`UPDATE "AuditRecord" SET "prevHash" = NULL WHERE "id" >= ?`).run(id);
    for (const [i, row] of rows.entries()) {
      if (i === 0) row.actorName = "someone else";
      const h = hash(asRecord(row), prev);
      raw.prepare(`UPDATE "AuditRecord" SET "actorName" = ?, "prevHash" = ?, "hash" = ? WHERE "id" = ?`).run(row.actorName, prev, h, row.id);
      prev = h;
    }
    return () => tamper((r) => {
      r.prepare(`UPDATE "AuditRecord" SET "prevHash" = NULL WHERE "id" >= ?`).run(id);
      for (const o of original) r.prepare(`UPDATE "AuditRecord" SET "actorName" = ?, "prevHash" = ?, "hash" = ? WHERE "id" = ?`).run(o.actorName, o.prevHash, o.hash, o.id);
    });
  });
}

const event = (operation = "test_event") => appendAudit({ requestId: randomUUID(), actorName: "tester", operation, outcome: "ok", afterData: "x" });

describe("the audit hash chain", () => {
  it("verifies an intact chain, including concurrent appends", async () => {
    await Promise.all(Array.from({ length: 20 }, () => event()));
    const result = await verifyAuditChain();
    expect(result).toMatchObject({ ok: true });
    expect(result.checked).toBeGreaterThanOrEqual(20);
  });

  it("does not fork when two processes append to the same database at once", async () => {
    const run = (name: string) => new Promise<number>((resolve) => {
      const child = spawn("npx", ["tsx", "--conditions=react-server", "test/audit/append-worker.ts", "25", name], { env: { ...process.env, DATABASE_URL: databaseUrl() }, stdio: ["ignore", "inherit", "inherit"] });
      child.on("exit", (code) => resolve(code ?? 1));
    });
    expect(await Promise.all([run("proc-a"), run("proc-b"), event()])).toEqual([0, 0, expect.anything()]);
    expect(await db().auditRecord.count({ where: { operation: "concurrency_test" } })).toBe(50);
    expect(await verifyAuditChain()).toMatchObject({ ok: true });
  }, 120_000);

  it("refuses UPDATE and DELETE through the database itself", async () => {
    const row = await event();
    // SQLite reports the trigger's abort as a constraint violation.
    await expect(db().auditRecord.update({ where: { id: row.id }, data: { actorName: "someone else" } })).rejects.toThrow(/constraint/i);
    await expect(db().auditRecord.delete({ where: { id: row.id } })).rejects.toThrow(/constraint/i);
    expect(await db().auditRecord.findUnique({ where: { id: row.id } })).toMatchObject({ actorName: "tester" });
  });

  it("reports the first record whose content was edited with raw SQL", async () => {
    const a = await event();
    const b = await event();
    await event();
    tamper((raw) => raw.prepare(`UPDATE "AuditRecord" SET "afterData" = 'edited' WHERE "id" = ?`).run(b.id));
    const result = await verifyAuditChain();
    expect(result).toMatchObject({ ok: false, brokenAt: b.id, lastGoodId: a.id });
    expect((result as { problem: string }).problem).toMatch(new RegExp(`record ${b.id} does not match its keyed hash: it was altered`));
    tamper((raw) => raw.prepare(`UPDATE "AuditRecord" SET "afterData" = 'x' WHERE "id" = ?`).run(b.id)); // put it back
    expect(await verifyAuditChain()).toMatchObject({ ok: true });
  });

  it("reports a removed record", async () => {
    const a = await event();
    const b = await event();
    const c = await event();
    const saved = tamper((raw) => {
      const row = raw.prepare(`SELECT * FROM "AuditRecord" WHERE "id" = ?`).get(b.id) as Record<string, unknown>;
      raw.prepare(`DELETE FROM "AuditRecord" WHERE "id" = ?`).run(b.id);
      return row;
    });
    const result = await verifyAuditChain();
    expect(result).toMatchObject({ ok: false, brokenAt: c.id, lastGoodId: a.id });
    expect((result as { problem: string }).problem).toMatch(/removed/);
    const script = verifyScript();
    expect(script.code).toBe(1);
    expect(script.out).toContain(`audit trail BROKEN at record ${c.id}`);
    // Put it back, so later tests in this run see an intact chain.
    tamper((raw) => raw.prepare(`INSERT INTO "AuditRecord" (${Object.keys(saved).map((k) => `"${k}"`).join(", ")}) VALUES (${Object.keys(saved).map(() => "?").join(", ")})`).run(...Object.values(saved)));
    expect(await verifyAuditChain()).toMatchObject({ ok: true });
    expect(verifyScript()).toMatchObject({ code: 0, out: expect.stringMatching(/audit trail intact: \d+ records checked/) });
  });

  describe("against someone who can write the database", () => {
    it("detects a record rewritten and every later hash recomputed with the public algorithm", async () => {
      const a = await event();
      await event();
      await event();
      const restore = rewriteFrom(a.id, (row, prev) => unkeyedRecordHash(row, prev));
      const result = await verifyAuditChain();
      expect(result).toMatchObject({ ok: false, brokenAt: a.id });
      expect((result as { problem: string }).problem).toMatch(/unkeyed hash although the keyed chain began/);
      restore();
      expect(await verifyAuditChain()).toMatchObject({ ok: true });
    });

    it("detects the same rewrite with an HMAC under a key the attacker guessed", async () => {
      const a = await event();
      await event();
      const restore = rewriteFrom(a.id, (row, prev) => KEYED + createHmac("sha256", "a guess").update(prev).update("\n").update(JSON.stringify(HASHED_FIELDS.map((f) => { const v = row[f as keyof AuditRecord]; return v instanceof Date ? v.toISOString() : v ?? null; }))).digest("hex"));
      expect(await verifyAuditChain()).toMatchObject({ ok: false, brokenAt: a.id, problem: expect.stringMatching(/does not match its keyed hash/) });
      restore();
      expect(await verifyAuditChain()).toMatchObject({ ok: true });
    });

    it("detects deleting the newest records against the latest signed checkpoint", async () => {
      await event();
      await event();
      const { written } = await writeCheckpoint();
      expect(written).toMatchObject({ headId: expect.any(Number), keyId: expect.any(String) });
      expect(await verifyAuditChain()).toMatchObject({ ok: true, checkpoint: { status: "matches", headId: written!.headId } });
      const removed = tamper((raw) => {
        const rows = raw.prepare(`SELECT * FROM "AuditRecord" ORDER BY "id" DESC LIMIT 2`).all() as Record<string, unknown>[];
        raw.prepare(`DELETE FROM "AuditRecord" WHERE "id" >= ?`).run(rows[1].id);
        return rows.reverse();
      });
      // The chain that is left is intact: only the checkpoint can tell.
      const result = await verifyAuditChain();
      expect(result).toMatchObject({ ok: false, brokenAt: null, checkpoint: { status: "differs" } });
      expect((result as { problem: string }).problem).toMatch(/the newest records were deleted/);
      const script = verifyScript();
      expect(script.code).toBe(1);
      expect(script.out).toMatch(/newest records were deleted/);
      // No checkpoint vouches for the shortened trail either.
      expect(await writeCheckpoint()).toMatchObject({ written: null, problem: expect.stringMatching(/deleted/) });
      tamper((raw) => {
        for (const row of removed) raw.prepare(`INSERT INTO "AuditRecord" (${Object.keys(row).map((k) => `"${k}"`).join(", ")}) VALUES (${Object.keys(row).map(() => "?").join(", ")})`).run(...Object.values(row));
      });
      expect(await verifyAuditChain()).toMatchObject({ ok: true, checkpoint: { status: "matches" } });
    });

    it("detects a forged checkpoint", async () => {
      await writeCheckpoint();
      const file = checkpointFile();
      const saved = fs.readFileSync(file, "utf8");
      const last = JSON.parse(saved.trim().split("\n").at(-1)!);
      fs.appendFileSync(file, JSON.stringify({ ...last, count: last.count - 1 }) + "\n");
      expect(await verifyAuditChain()).toMatchObject({ ok: false, checkpoint: { status: "differs", problem: expect.stringMatching(/valid signature/) } });
      fs.writeFileSync(file, saved);
      expect(await verifyAuditChain()).toMatchObject({ ok: true });
    });
  });

  it("keeps records written before the chain was keyed verifiable, and says where the keyed part begins", async () => {
    // A database of an older version: its records carry the public sha256 chain.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zkc-legacy-"));
    const file = path.join(dir, "legacy.db");
    fs.copyFileSync(databaseUrl().slice("file:".length), file);
    const raw = new Database(file);
    // Other test files leave outcome records pointing at their intents (ON DELETE RESTRICT).
    raw.pragma("foreign_keys = OFF");
    raw.exec(`DROP TRIGGER IF EXISTS "AuditRecord_append_only_update"; DROP TRIGGER IF EXISTS "AuditRecord_append_only_delete"; DELETE FROM "AuditRecord";`);
    let prev = GENESIS;
    for (let id = 1; id <= 3; id++) {
      const row = { id, at: new Date(1_700_000_000_000 + id), kind: "event", requestId: `legacy-${id}`, actorName: "old", operation: "login", outcome: "ok" } as unknown as AuditRecord;
      const hash = unkeyedRecordHash(row, prev);
      raw.prepare(`INSERT INTO "AuditRecord" ("id", "at", "kind", "requestId", "actorName", "operation", "outcome", "prevHash", "hash") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(id, row.at.getTime(), "event", row.requestId, "old", "login", "ok", prev, hash);
      prev = hash;
    }
    raw.close();
    const url = `file:${file}`;
    const env = { ...process.env, DATABASE_URL: url, AUDIT_CHECKPOINT_FILE: path.join(dir, "checkpoints.jsonl") };
    // This version appends to it (keyed), in its own process like a console started on it.
    const append = spawnSync("npx", ["tsx", "--conditions=react-server", "test/audit/append-worker.ts", "2", "new"], { env, encoding: "utf8" });
    expect(append.status, append.stderr).toBe(0);
    expect(verifyScript(env)).toMatchObject({ code: 0, out: expect.stringMatching(/5 records checked.*records 1–3 carry the older unkeyed hash, keyed from record 4/) });
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});
