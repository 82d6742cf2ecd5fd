// FAULT: the console's own database fails on the file system: its directory or the file itself
// becomes read-only, the file is moved away, another process holds its lock. ZooKeeper reads go
// on where SQLite can still read; every write is refused before it reaches ZooKeeper (the audit
// intent cannot be written: fail closed); nothing crashes; once the file system is back, writes
// work again and the audit chain is intact.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUDIT_RETRY_MS } from "../../lib/access/audit/chain";
import { verifyAuditChain } from "../../lib/audit/verify";
import { createCluster } from "../../lib/clusters/registry";
import { BUSY_TIMEOUT_MS, MAX_WAIT_MS } from "../../lib/core/db/adapter";
import { db } from "../../lib/core/db/client";
import { databaseUnavailable } from "../../lib/core/db/unavailable";
import { startEnsemble, type LocalEnsemble } from "../../lib/ensemble/launcher";
import { actorCtx } from "../support/actors";
import { closeSession } from "../../lib/core/zk/sessions";
import { createNode, getNode, setData } from "../../lib/znodes";
import { faultsTempDir, holdDatabaseLock, setReadOnly } from "./db-faults";
import { authorizeCredentials, LoginRefused } from "../../lib/auth/credentials-login";
import { SIGN_IN_UNAVAILABLE } from "../../lib/auth/login-messages";
import { hashPassword } from "../../lib/auth/password";
import { rawClient, timed } from "./support";

describe("the console's database unavailable", () => {
  let zk: LocalEnsemble;
  let clusterId: string;
  let dir: string;
  let file: string;
  let raw: ReturnType<typeof rawClient>;
  const readOnlyNow = new Set<string>();
  const readOnly = (p: string, on: boolean) => {
    setReadOnly(p, on);
    if (on) readOnlyNow.add(p);
    else readOnlyNow.delete(p);
  };
  const read = () => getNode({ ctx: actorCtx("viewer"), clusterId, input: { path: "/guarded" } });
  let version = 0;

  /**
   * A save and a create through the console are refused: AUDIT_UNAVAILABLE (the intent could not be
   * written), or, when not even the cluster can be read, a database error the API answers with a 503.
   * Either way ZooKeeper is untouched.
   */
  async function writesRefused(codes: ("AUDIT_UNAVAILABLE" | "DATABASE_UNAVAILABLE")[] = ["AUDIT_UNAVAILABLE"]) {
    const refusal = (r: Awaited<ReturnType<typeof timed>>) => (r.ok ? null : r.error.code === "AUDIT_UNAVAILABLE" ? r.error : databaseUnavailable(r.error));
    const MESSAGES = { AUDIT_UNAVAILABLE: /audit trail cannot be written/, DATABASE_UNAVAILABLE: /database cannot be used right now/ };
    const saved = await timed(setData({ ctx: actorCtx("editor"), clusterId, path: "/guarded", input: { data: "refused", version } }));
    const save = refusal(saved);
    const create = refusal(await timed(createNode({ ctx: actorCtx("editor"), clusterId, path: "/guarded/child", input: {} })));
    for (const r of [save, create]) {
      expect(codes).toContain(r?.code);
      expect(r).toMatchObject({ status: 503, message: expect.stringMatching(MESSAGES[r!.code as keyof typeof MESSAGES]) });
    }
    const now = await raw.read("/guarded");
    expect(now.stat.version).toBe(version);
    expect(await (await raw.client()).exists("/guarded/child")).toBeNull();
    return saved.ms;
  }

  /** Writes work again; bounded, because a database client stuck after a failed COMMIT would hang here forever. */
  async function writesWork() {
    const stuck = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("a write did not finish within 20 s after the file system came back: the database client is stuck")), 20_000).unref());
    await Promise.race([setData({ ctx: actorCtx("editor"), clusterId, path: "/guarded", input: { data: `value-${version + 1}`, version } }), stuck]);
    version++;
    expect((await raw.read("/guarded")).data.toString()).toBe(`value-${version}`);
  }

  beforeAll(async () => {
    // A database of its own (this file runs in its own process): the faults below must not hit other tests.
    dir = faultsTempDir("zkc-faults-db-");
    file = path.join(dir, "console.db");
    process.env.DATABASE_URL = `file:${file}`;
    // Its checkpoints too: the run's shared file vouches for the other database's head.
    process.env.AUDIT_CHECKPOINT_FILE = path.join(dir, "audit-checkpoints.jsonl");
    execFileSync("npx", ["prisma", "migrate", "deploy"], { env: { ...process.env }, stdio: "pipe" });
    zk = await startEnsemble({ size: 1 });
    raw = rawClient(zk, "db-faults-raw");
    await (await raw.client()).create("/guarded", Buffer.from("value-0"), 0);
    clusterId = (await createCluster({ name: `db-faults-${Date.now()}`, connectionString: zk.connectionString })).id;
    expect(db()).toBeTruthy();
    await writesWork();
  });
  afterAll(async () => {
    for (const p of readOnlyNow) setReadOnly(p, false);
    for (const id of [clusterId, "db-faults-raw"]) if (id) closeSession(id);
    await db().$disconnect();
    await zk?.stopAll();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("read-only directory: SQLite cannot create its journal; reads go on, writes are refused", async () => {
    readOnly(dir, true);
    try {
      expect((await read()).data.text).toBe(`value-${version}`);
      await writesRefused();
      expect((await read()).data.text).toBe(`value-${version}`);
    } finally {
      readOnly(dir, false);
    }
    await writesWork();
  });

  it("read-only directory: a password sign-in fails closed with one generic sentence, the right password as the wrong one", async () => {
    const username = `ro-login-${Date.now()}`;
    await db().user.create({ data: { username, provider: "credentials", role: "viewer", passwordHash: hashPassword("right-password") } });
    readOnly(dir, true);
    try {
      // The rate limit counts recorded failures: an attempt that cannot be recorded is refused, never let through uncounted.
      for (const password of ["wrong-password", "right-password", "wrong-again"]) {
        const refused = await authorizeCredentials({ username, password }, "10.7.7.7").catch((e) => e);
        expect(refused, password).toBeInstanceOf(LoginRefused);
        expect(refused.message, password).toBe(SIGN_IN_UNAVAILABLE);
      }
    } finally {
      readOnly(dir, false);
    }
    expect(await authorizeCredentials({ username, password: "right-password" }, "10.7.7.7")).toMatchObject({ name: username });
  }, 90_000);

  it("database file moved away (deleted from its path): reads go on from the open file, writes are refused", async () => {
    fs.renameSync(file, `${file}.away`);
    try {
      expect((await read()).data.text).toBe(`value-${version}`);
      await writesRefused();
    } finally {
      fs.renameSync(`${file}.away`, file);
    }
    await writesWork();
  });

  it("locked by another process for writing: writes are refused after the busy timeout, reads go on", async () => {
    const lock = await holdDatabaseLock(file, "IMMEDIATE");
    try {
      expect((await read()).data.text).toBe(`value-${version}`);
      await writesRefused();
      // Many at once, with background writers (like the health sampler) queued too: all refused,
      // and the server's event loop never stands still meanwhile (better-sqlite3 waits for a lock
      // synchronously: the 5 s default busy timeout froze every request and stream).
      let last = performance.now();
      let stall = 0;
      const ticker = setInterval(() => {
        stall = Math.max(stall, performance.now() - last);
        last = performance.now();
      }, 20);
      const background = Array.from({ length: 4 }, () => db().$transaction((tx) => tx.$executeRawUnsafe('UPDATE "Cluster" SET "name" = "name" WHERE "id" = ?', clusterId)).catch(() => "refused"));
      const many = await Promise.all(Array.from({ length: 6 }, () => timed(setData({ ctx: actorCtx("editor"), clusterId, path: "/guarded", input: { data: "refused", version } }))));
      clearInterval(ticker);
      for (const r of many) expect(r).toMatchObject({ ok: false, error: { code: "AUDIT_UNAVAILABLE" } });
      expect(Math.max(...many.map((r) => r.ms))).toBeLessThan(MAX_WAIT_MS + AUDIT_RETRY_MS + 5000); // hang guard
      expect(stall).toBeLessThan(BUSY_TIMEOUT_MS + 1000);
      expect(await Promise.all(background)).toEqual(["refused", "refused", "refused", "refused"]);
    } finally {
      await lock.release();
    }
    await writesWork();
  }, 90_000);

  it("locked exclusively, or the file itself read-only: reads of what is in memory go on (from the read-only file: every read), a first look-up under the lock fails with a typed error, writes never reach ZooKeeper", async () => {
    // A cluster the console has not looked up yet: its row must come from the database.
    const unseen = (await createCluster({ name: `db-faults-unseen-${Date.now()}`, connectionString: zk.connectionString })).id;
    const coldRead = () => getNode({ ctx: actorCtx("viewer"), clusterId: unseen, input: { path: "/guarded" } });
    const lock = await holdDatabaseLock(file, "EXCLUSIVE");
    try {
      // Nothing on the read path touches the database: the cluster and its credentials are in memory.
      expect((await read()).data.text).toBe(`value-${version}`);
      const r = await timed(coldRead());
      expect(r.ok).toBe(false);
      expect(databaseUnavailable(!r.ok && r.error)).toMatchObject({ code: "DATABASE_UNAVAILABLE", status: 503, message: expect.stringMatching(/locked by another process/) });
      await writesRefused(["AUDIT_UNAVAILABLE", "DATABASE_UNAVAILABLE"]);
    } finally {
      await lock.release();
    }
    await writesWork();

    // The file itself read-only: a write used to fail half-way (journal written, change and rollback
    // not), and the journal left behind made SQLite refuse every later read until the file was
    // writable again. Writes are refused before they start now, and reads from the database go on.
    readOnly(file, true);
    try {
      await writesRefused(["AUDIT_UNAVAILABLE", "DATABASE_UNAVAILABLE"]);
      expect(fs.existsSync(`${file}-journal`)).toBe(false);
      expect((await read()).data.text).toBe(`value-${version}`);
      expect((await coldRead()).data.text).toBe(`value-${version}`); // the cluster's row read from the database
      expect(await db().auditRecord.count()).toBeGreaterThan(0);
      await writesRefused(["AUDIT_UNAVAILABLE", "DATABASE_UNAVAILABLE"]);
    } finally {
      readOnly(file, false);
    }
    await writesWork();
    closeSession(unseen);
  }, 90_000);

  it("leaves an intact audit chain behind", async () => {
    expect(await verifyAuditChain()).toMatchObject({ ok: true });
  });
});
