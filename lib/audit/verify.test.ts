import Database from "better-sqlite3";
import { spawn, spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { databaseUrl } from "@/lib/core/db/url";
import { db } from "@/lib/core/db/client";
import { appendAudit } from "@/lib/access/audit/chain";
import { verifyAuditChain } from "./verify";

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

/** `npm run audit:verify` against the test database. */
const verifyScript = () => {
  const r = spawnSync("npm", ["run", "-s", "audit:verify"], { env: { ...process.env, DATABASE_URL: databaseUrl() }, encoding: "utf8" });
  return { code: r.status, out: r.stdout + r.stderr };
};

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
    expect((result as { problem: string }).problem).toMatch(new RegExp(`record ${b.id} was altered`));
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
});
