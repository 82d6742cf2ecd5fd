// Recipes and sessions against a real ZooKeeper: a Curator-style lock made by two separate
// sessions, a leader latch, a Curator service registration; the sessions/ephemerals view;
// force release refused for non-admins and audited for an admin.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCluster } from "../clusters/registry";
import { auditRowOfRequest } from "../audit/query";
import { startEnsemble, type LocalEnsemble } from "../ensemble/launcher";
import { listSessions } from "../health";
import { actorCtx } from "@/test/support/actors";
import { closeSession, getClient, sessionStatus } from "@/lib/core/zk/sessions";
import { forceRelease, scanRecipes } from ".";

const EPHEMERAL = 1;
const EPHEMERAL_SEQUENTIAL = 3;

describe("recipes and sessions (real ZooKeeper)", () => {
  let zk: LocalEnsemble;
  let clusterId: string;
  const lockPrefix = `/locks/orders/_c_${randomUUID()}-lock-`;
  const waiterPrefix = `/locks/orders/_c_${randomUUID()}-lock-`;
  let holderPath: string;
  let waiterPath: string;
  const raw = (id: string) => getClient({ id, connectionString: zk.connectionString, sessionTimeoutMs: 10_000 });
  const sessionHex = (id: string) => "0x" + String(sessionStatus(id).sessionId).replace(/^0x/, "");

  beforeAll(async () => {
    zk = await startEnsemble({ size: 1 });
    clusterId = (await createCluster({ name: `recipes-${Date.now()}`, connectionString: zk.connectionString })).id;
    const a = await raw("lock-client-a");
    const b = await raw("lock-client-b");
    for (const p of ["/locks", "/locks/orders", "/election", "/services", "/services/orders"]) await a.create(p, Buffer.alloc(0), 0);
    holderPath = await a.create(lockPrefix, Buffer.from("10.0.0.1"), EPHEMERAL_SEQUENTIAL);
    waiterPath = await b.create(waiterPrefix, Buffer.from("10.0.0.2"), EPHEMERAL_SEQUENTIAL);
    await b.create(`/election/_c_${randomUUID()}-latch-`, Buffer.alloc(0), EPHEMERAL_SEQUENTIAL);
    const instance = { name: "orders", id: "i-1", address: "10.0.0.5", port: 8080, sslPort: null, payload: null, registrationTimeUTC: Date.now(), serviceType: "DYNAMIC", uriSpec: null };
    await b.create("/services/orders/i-1", Buffer.from(JSON.stringify(instance)), EPHEMERAL);
  });
  afterAll(async () => {
    for (const id of [clusterId, "lock-client-a", "lock-client-b"]) closeSession(id);
    await zk?.stopAll();
  });

  it("shows the Curator lock with its holder (lowest sequence) and waiter, each with its owner session", async () => {
    const scan = await scanRecipes({ ctx: actorCtx("viewer"), clusterId, input: {} });
    const lock = scan.locks.find((l) => l.path === "/locks/orders");
    expect(lock).toMatchObject({ kind: "lock", flavour: "Curator InterProcessMutex", participants: 2 });
    expect(lock!.holders.map((h) => h.path)).toEqual([holderPath]);
    expect(lock!.waiters.map((w) => w.path)).toEqual([waiterPath]);
    expect(lock!.holders[0].sessionId).toBe(sessionHex("lock-client-a"));
    expect(lock!.waiters[0].sessionId).toBe(sessionHex("lock-client-b"));
    expect(scan.elections).toContainEqual(expect.objectContaining({ kind: "leader-latch", path: "/election" }));
    const service = scan.services.find((s) => s.path === "/services/orders");
    expect(service?.name).toBe("orders");
    expect(service?.instances[0]).toMatchObject({ id: "i-1", ephemeral: true, curator: { address: "10.0.0.5", port: 8080, serviceType: "DYNAMIC" } });
    expect(scan.truncated).toBe(false);
  });

  it("says when the scan was cut short", async () => {
    const scan = await scanRecipes({ ctx: actorCtx("viewer"), clusterId, input: { maxNodes: "3" } });
    expect(scan.truncated).toBe(true);
    expect(scan.notes.join(" ")).toMatch(/stopped after 3 znodes/);
    const shallow = await scanRecipes({ ctx: actorCtx("viewer"), clusterId, input: { roots: "/services,/locks", maxDepth: "1" } });
    expect(shallow.truncated).toBe(true);
    expect(shallow.notes.join(" ")).toContain("/services/orders: not scanned below depth 1");
    // Lock participants are recognised from their parent's listing, without descending.
    expect(shallow.locks.map((l) => l.path)).toEqual(["/locks/orders"]);
    await expect(scanRecipes({ ctx: actorCtx("viewer"), clusterId, input: { roots: "nope" } })).rejects.toThrow(/invalid path/);
  });

  it("skips a znode the console may not read (NO_AUTH), lists it, and finishes the scan", async () => {
    const a = await raw("lock-client-a");
    await a.create("/locked-area", Buffer.alloc(0), 0);
    await a.setAcl("/locked-area", -1, [{ scheme: "digest", auth: "someone:AAAAAAAAAAAAAAAAAAAAAAAAAAA=", perms: 31 }]);
    try {
      const scan = await scanRecipes({ ctx: actorCtx("viewer"), clusterId, input: {} });
      expect(scan).toMatchObject({ skipped: ["/locked-area"], skippedCount: 1, truncated: false });
      expect(scan.notes.join(" ")).toMatch(/1 znode not scanned .*NO_AUTH.*\/locked-area/);
      expect(scan.locks.map((l) => l.path)).toContain("/locks/orders"); // the rest was scanned
      expect(scan.services.map((s) => s.path)).toContain("/services/orders");
    } finally {
      await a.delete("/locked-area", -1); // the parent's ACL governs deleting it
    }
  });

  it("lists both sessions with client address and groups ephemerals by owner session", async () => {
    const s = await listSessions({ ctx: actorCtx("viewer"), clusterId });
    const a = s.sessions.find((x) => x.sessionId === sessionHex("lock-client-a"));
    expect(a).toMatchObject({ timeoutMs: 10_000, member: `127.0.0.1:${zk.members[0].clientPort}` });
    expect(a?.client).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(a?.received).toBeGreaterThan(0);
    const ownedByB = s.ephemerals.find((e) => e.sessionId === sessionHex("lock-client-b"));
    expect(ownedByB?.paths).toHaveLength(3);
    expect(ownedByB?.paths).toEqual(expect.arrayContaining([waiterPath, "/services/orders/i-1", expect.stringMatching(/^\/election\/_c_.*-latch-\d{10}$/)]));
    expect(ownedByB?.client).toBe(s.sessions.find((x) => x.sessionId === sessionHex("lock-client-b"))?.client);
    expect(s.ephemeralsFrom).toBe(`127.0.0.1:${zk.members[0].clientPort}`);
  });

  it("refuses force release to a viewer and an editor, and without a reason or with a stale version", async () => {
    const input = { path: holderPath, version: 0, reason: "holder is stuck" };
    await expect(forceRelease({ ctx: actorCtx("viewer"), clusterId, input })).rejects.toMatchObject({ status: 403 });
    await expect(forceRelease({ ctx: actorCtx("editor"), clusterId, input })).rejects.toMatchObject({ status: 403 });
    await expect(forceRelease({ ctx: actorCtx("admin"), clusterId, input: { path: holderPath, version: 0 } })).rejects.toThrow(/reason is required/);
    await expect(forceRelease({ ctx: actorCtx("admin"), clusterId, input: { ...input, version: 3 } })).rejects.toMatchObject({ status: 409 });
    await expect(forceRelease({ ctx: actorCtx("admin"), clusterId, input: { ...input, path: "/services/orders/i-1" } })).rejects.toMatchObject({ status: 400 });
    expect(await (await raw("lock-client-a")).exists(holderPath)).not.toBeNull();
  });

  it("an admin force-releases the holder: audited with the reason, and the waiter now holds", async () => {
    const ctx = actorCtx("admin");
    expect(await forceRelease({ ctx, clusterId, input: { path: holderPath, version: 0, reason: "holder is stuck" } })).toEqual({ released: holderPath });
    expect(await (await raw("lock-client-a")).exists(holderPath)).toBeNull();
    const audit = await auditRowOfRequest(ctx.requestId);
    expect(audit).toMatchObject({ operation: "force_release", path: holderPath, reason: "holder is stuck", outcome: "ok", beforeData: "10.0.0.1", actorName: "admin" });
    const lock = (await scanRecipes({ ctx: actorCtx("viewer"), clusterId, input: { roots: "/locks" } })).locks[0];
    expect(lock.holders.map((h) => h.path)).toEqual([waiterPath]);
    expect(lock.waiters).toEqual([]);
  });
});
