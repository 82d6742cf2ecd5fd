// Every kind of change leaves its audit records: who, from where, on what, before and after
// (capped, with the full value's hash), versions, outcome, request id, reason. Plus the
// fail-closed rule, exercised with a real lock on the SQLite file, never a mock.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changeCluster, createCluster, registerCluster, unregisterCluster } from "../clusters/registry";
import { testClusterConnection } from "../clusters/test-connection";
import { createGrant, deleteGrant, updateAuthSettings, updateUser } from "@/lib/admin";
import { makeUser } from "@/test/support/auth";
import { db } from "@/lib/core/db/client";
import { startEnsemble, type LocalEnsemble } from "../ensemble/launcher";
import { performMutation, type RequestCtx } from "@/lib/access/mutations";
import { requestCtx } from "@/lib/access/request-ctx";
import { closeSession, getClient } from "@/lib/core/zk/sessions";
import type { ZkClient } from "@/lib/core/zk/client";
import { copySubtree, createNode, deleteNode, importSubtree, setData } from "../znodes";
import { auditEntryOfRequest, findAuditEntries } from "./query";
import { exportAudit, toCsv } from "./export";
import { znodeHistory } from "./history";
import { restoreVersion } from "./restore";
import { AUDIT_VALUE_CAP, auditValue, sha256 } from "@/lib/access/audit/values";
import { verifyAuditChain } from "./verify";

const ctxOf = (role: string, id = `u-${role}`): RequestCtx =>
  requestCtx({ actor: { id, username: role, name: `${role} user`, role, provider: "oidc" }, sourceIp: "192.0.2.7" });

describe("the audit trail", () => {
  let zk: LocalEnsemble;
  let raw: ZkClient;
  let dev: string;
  let prod: string;
  let admin: RequestCtx;

  beforeAll(async () => {
    zk = await startEnsemble({ size: 1 });
    raw = await getClient({ id: "audit-raw", connectionString: zk.connectionString, sessionTimeoutMs: 15_000 });
    dev = (await createCluster({ name: `audit-dev-${Date.now()}`, connectionString: zk.connectionString, environment: "dev" })).id;
    prod = (await createCluster({ name: `audit-prod-${Date.now()}`, connectionString: zk.connectionString, environment: "prod" })).id;
    const adminUser = await makeUser("admin");
    admin = ctxOf("admin", adminUser.id);
  });
  afterAll(async () => {
    for (const id of [dev, prod, "audit-raw"]) closeSession(id);
    await zk.stopAll();
  });

  const fresh = (c: RequestCtx) => ({ ...c, requestId: randomUUID() });
  const entryOf = (c: RequestCtx) => auditEntryOfRequest(c.requestId);
  const common = (c: RequestCtx) => ({ requestId: c.requestId, actor: { id: c.actor.id, name: c.actor.name, provider: "oidc" }, sourceIp: "192.0.2.7" });

  it("create, set, delete: before/after values with hashes, versions, outcome, reason", async () => {
    const c1 = fresh(ctxOf("editor"));
    await createNode({ ctx: c1, clusterId: dev, path: "/a", input: { data: "one", reason: "new node" } });
    expect(await entryOf(c1)).toMatchObject({ ...common(c1), operation: "create", path: "/a", outcome: "ok", reason: "new node", cluster: { id: dev }, after: { data: "one", hash: sha256(Buffer.from("one")), version: 0 } });

    const c2 = fresh(ctxOf("editor"));
    await setData({ ctx: c2, clusterId: dev, path: "/a", input: { data: "two", version: 0 } });
    expect(await entryOf(c2)).toMatchObject({ operation: "set", outcome: "ok", before: { data: "one", version: 0 }, after: { data: "two", hash: sha256(Buffer.from("two")), version: 1 } });

    const c3 = fresh(ctxOf("editor"));
    await expect(setData({ ctx: c3, clusterId: dev, path: "/a", input: { data: "three", version: 0 } })).rejects.toMatchObject({ code: "BAD_VERSION" });
    expect(await entryOf(c3)).toMatchObject({ operation: "set", outcome: "failed", error: expect.stringMatching(/version 0 is stale/), before: { data: "two", version: 1 } });

    const c4 = fresh(ctxOf("editor"));
    await deleteNode({ ctx: c4, clusterId: dev, path: "/a", input: { version: "1" } });
    expect(await entryOf(c4)).toMatchObject({ operation: "delete", outcome: "ok", before: { data: "two", hash: sha256(Buffer.from("two")), version: 1 } });
  });

  it("recursive delete, copy, move and import", async () => {
    await raw.create("/tree", Buffer.from("t"), 0);
    await raw.create("/tree/leaf", Buffer.from("l"), 0);
    const copy = fresh(ctxOf("editor"));
    await copySubtree({ ctx: copy, clusterId: dev, input: { source: "/tree", target: "/tree-copy" } });
    expect(await entryOf(copy)).toMatchObject({ operation: "copy", path: "/tree-copy", outcome: "ok", details: expect.objectContaining({ source: "/tree", copied: 2 }) });

    const move = fresh(ctxOf("editor"));
    await copySubtree({ ctx: move, clusterId: dev, input: { source: "/tree-copy", target: "/tree-moved", move: true } });
    expect(await entryOf(move)).toMatchObject({ operation: "move", path: "/tree-moved", outcome: "ok", details: expect.objectContaining({ source: "/tree-copy", sourceDeleted: true }) });

    const rdel = fresh(ctxOf("editor"));
    await deleteNode({ ctx: rdel, clusterId: dev, path: "/tree-moved", input: { recursive: "true", confirm: "/tree-moved" } });
    expect(await entryOf(rdel)).toMatchObject({ operation: "delete_recursive", path: "/tree-moved", outcome: "ok", details: expect.objectContaining({ deleted: 2 }) });

    const imp = fresh(ctxOf("editor"));
    const file = { format: "zk-console-export", formatVersion: 1, root: "/x", exportedAt: new Date().toISOString(), nodes: [{ path: "", data: "r", encoding: "utf8" }], count: 1 };
    await importSubtree({ ctx: imp, clusterId: dev, query: { path: "/imported", dryRun: "false" }, body: file });
    expect(await entryOf(imp)).toMatchObject({ operation: "import", path: "/imported", outcome: "ok", details: expect.objectContaining({ created: 1, nodes: 1 }) });
  });

  it("an ACL change goes through the mutation path as an admin action with before/after ACLs", async () => {
    await raw.create("/acl", Buffer.from(""), 0);
    const c = fresh(ctxOf("admin"));
    const acl = [{ scheme: "world", auth: "anyone", perms: 31 }];
    await performMutation({
      ctx: c, clusterId: dev, operation: "acl", path: "/acl", nodes: [{ path: "/acl", action: "set_acl", acl: [{ scheme: "world", id: "anyone", perms: 31 }] }],
      before: async (client) => ({ data: JSON.stringify((await client.getAcl("/acl")).acl), hash: null, version: (await client.getAcl("/acl")).stat.aversion }),
      run: (client) => client.setAcl("/acl", 0, acl),
      after: () => ({ after: { data: JSON.stringify(acl), hash: null, version: 1 } }),
    });
    expect(await entryOf(c)).toMatchObject({ operation: "acl", outcome: "ok", before: { version: 0 }, after: { version: 1 } });
    await expect(performMutation({ ctx: fresh(ctxOf("editor")), clusterId: dev, operation: "acl", path: "/acl", nodes: [{ path: "/acl", action: "set_acl", acl: [{ scheme: "world", id: "anyone", perms: 31 }] }], run: async () => null })).rejects.toMatchObject({ status: 403 });
  });

  it("a write refused before it starts (no permission, no reason) is recorded as failed", async () => {
    const viewer = fresh(ctxOf("viewer"));
    await expect(createNode({ ctx: viewer, clusterId: dev, path: "/not-allowed", input: {} })).rejects.toMatchObject({ status: 403 });
    expect(await entryOf(viewer)).toMatchObject({ kind: "event", operation: "create", path: "/not-allowed", outcome: "failed", error: expect.stringMatching(/may not change/), actor: { name: "viewer user" } });
    const noReason = fresh(ctxOf("editor"));
    await expect(createNode({ ctx: noReason, clusterId: prod, path: "/x", input: {} })).rejects.toMatchObject({ code: "REASON_REQUIRED" });
    expect(await entryOf(noReason)).toMatchObject({ outcome: "failed", error: expect.stringMatching(/reason is required/) });
  });

  it("restore writes an audited value back, version-checked, audited as restore", async () => {
    await raw.create("/r", Buffer.from("first"), 0);
    const set = fresh(ctxOf("editor"));
    await setData({ ctx: set, clusterId: dev, path: "/r", input: { data: "second", version: 0 } });
    const record = await entryOf(set);
    await expect(restoreVersion({ ctx: fresh(ctxOf("editor")), recordId: String(record.id), input: { version: 0, side: "before" } })).rejects.toMatchObject({ code: "BAD_VERSION", status: 409 });
    expect((await raw.get("/r")).data.toString()).toBe("second");
    const undo = fresh(ctxOf("editor"));
    const stat = await restoreVersion({ ctx: undo, recordId: String(record.id), input: { version: 1, side: "before", reason: "undo" } });
    expect(stat.version).toBe(2);
    expect((await raw.get("/r")).data.toString()).toBe("first");
    expect(await entryOf(undo)).toMatchObject({ operation: "restore", outcome: "ok", reason: "undo", before: { data: "second", version: 1 }, after: { data: "first", version: 2 }, details: expect.objectContaining({ restoredFrom: record.id, side: "before" }) });

    const history = await znodeHistory({ ctx: ctxOf("viewer"), input: { clusterId: dev, path: "/r" } });
    expect(history.entries.map((e) => `${e.operation}:${e.outcome}`)).toEqual(["restore:ok", "restore:failed", "set:ok"]);
    expect(history.entries[2].restorable).toEqual({ before: true, after: true });
    expect(history.entries[1].restorable).toEqual({ before: false, after: false });
    await expect(znodeHistory({ ctx: ctxOf("none"), input: { clusterId: dev, path: "/r" } })).rejects.toMatchObject({ status: 404 });
  });

  it("keeps large values capped with the hash of the whole value, and refuses to restore a capped one", async () => {
    const big = Buffer.from("x".repeat(AUDIT_VALUE_CAP + 1000));
    const c = fresh(ctxOf("editor"));
    await createNode({ ctx: c, clusterId: dev, path: "/big", input: { data: big.toString() } });
    const entry = await entryOf(c);
    expect(entry.after.data!.length).toBe(AUDIT_VALUE_CAP);
    expect(entry.after.hash).toBe(sha256(big));
    await expect(restoreVersion({ ctx: fresh(ctxOf("editor")), recordId: String(entry.id), input: { version: 0 } })).rejects.toMatchObject({ code: "NOT_RESTORABLE" });
    const binary = auditValue(Buffer.from([0, 255, 1]));
    expect(binary.data).toBe("base64:AP8B");
  });

  it("requires a reason on prod clusters (400 naming the field) and records it", async () => {
    const err = await createNode({ ctx: fresh(ctxOf("editor")), clusterId: prod, path: "/needs-reason", input: { data: "x" } }).catch((e) => e);
    expect(err).toMatchObject({ status: 400, code: "REASON_REQUIRED", details: { field: "reason" } });
    expect(err.message).toMatch(/reason is required/);
    expect(await raw.exists("/needs-reason")).toBeNull();
    const blank = await createNode({ ctx: fresh(ctxOf("editor")), clusterId: prod, path: "/needs-reason", input: { data: "x", reason: "   " } }).catch((e) => e);
    expect(blank).toMatchObject({ code: "REASON_REQUIRED" });
    const c = fresh(ctxOf("editor"));
    await createNode({ ctx: c, clusterId: prod, path: "/needs-reason", input: { data: "x", reason: "INC-42" } });
    expect(await entryOf(c)).toMatchObject({ reason: "INC-42", outcome: "ok" });
    // A move out of a prod cluster needs one too, even when the target is not prod.
    await raw.create("/from-prod", Buffer.from(""), 0);
    const move = await copySubtree({ ctx: fresh(ctxOf("editor")), clusterId: prod, input: { source: "/from-prod", target: "/to-dev", targetClusterId: dev, move: true } }).catch((e) => e);
    expect(move).toMatchObject({ code: "REASON_REQUIRED" });
  });

  it("registry, grant, user and settings changes are audited with before/after", async () => {
    const name = `reg-${Date.now()}`;
    const c1 = fresh(admin);
    const cluster = await registerCluster({ ctx: c1, input: { name, connectionString: zk.connectionString } });
    expect(await entryOf(c1)).toMatchObject({ operation: "cluster_create", outcome: "ok", cluster: { id: cluster.id, name } });
    expect(JSON.parse((await entryOf(c1)).after.data!)).toMatchObject({ name, connectionString: zk.connectionString });

    const c2 = fresh(admin);
    await changeCluster({ ctx: c2, id: cluster.id, input: { readOnly: true, webhookUrl: "https://hooks.example.test/services/T0/xoxb-hook-secret" } });
    const changed = await entryOf(c2);
    expect(changed).toMatchObject({ operation: "cluster_update", outcome: "ok" });
    expect(JSON.parse(changed.before.data!).readOnly).toBe(false);
    expect(JSON.parse(changed.after.data!)).toMatchObject({ readOnly: true, webhookUrl: "https://hooks.example.test/…" });
    // The webhook's token is in no audit value, so in no export either.
    const c2b = fresh(admin);
    await changeCluster({ ctx: c2b, id: cluster.id, input: { readOnly: false } });
    expect(JSON.stringify(await entryOf(c2b))).not.toContain("xoxb-hook-secret");
    const exported = await (await exportAudit({ ctx: admin, input: { format: "json", clusterId: cluster.id } })).text();
    expect(exported).toContain("cluster_update");
    expect(exported).not.toContain("xoxb-hook-secret");

    const dup = fresh(admin);
    await expect(registerCluster({ ctx: dup, input: { name, connectionString: zk.connectionString } })).rejects.toMatchObject({ code: "CLUSTER_EXISTS" });
    expect(await entryOf(dup)).toMatchObject({ operation: "cluster_create", outcome: "failed", error: expect.stringMatching(/already registered/) });

    const c3 = fresh(admin);
    await testClusterConnection({ ctx: c3, input: { connectionString: zk.connectionString } });
    expect(await entryOf(c3)).toMatchObject({ operation: "cluster_test", outcome: "ok" });

    const c4 = fresh(admin);
    const g = await createGrant({ ctx: c4, input: { subjectType: "group", subject: "ops", role: "editor", clusterId: cluster.id, pathPrefix: "/app" } });
    expect(await entryOf(c4)).toMatchObject({ operation: "grant_create", outcome: "ok", path: "/app", cluster: { id: cluster.id } });
    const c5 = fresh(admin);
    await deleteGrant({ ctx: c5, id: g.grant.id });
    expect(JSON.parse((await entryOf(c5)).before.data!)).toMatchObject({ subject: "ops", role: "editor" });

    const c6 = fresh(admin);
    await unregisterCluster({ ctx: c6, id: cluster.id });
    expect(await entryOf(c6)).toMatchObject({ operation: "cluster_delete", outcome: "ok" });

    const victim = await makeUser("viewer");
    const c7 = fresh(admin);
    await updateUser({ ctx: c7, id: victim.id, input: { disabled: true } });
    expect(await entryOf(c7)).toMatchObject({ operation: "user_disable", outcome: "ok", details: { userId: victim.id, username: victim.username } });

    const c8 = fresh(admin);
    await updateAuthSettings({ ctx: c8, input: { defaultRole: "viewer" } });
    expect(await entryOf(c8)).toMatchObject({ operation: "settings_update", outcome: "ok" });
  });

  it("filters by actor, cluster, path prefix, operation, outcome and time, and exports CSV/JSON", async () => {
    const from = new Date(Date.now() - 60_000);
    const page = await findAuditEntries({ clusterId: dev, pathPrefix: "/r", operation: "set", outcome: "ok", actor: "editor", from, limit: 50 });
    expect(page.entries.length).toBeGreaterThan(0);
    expect(page.entries.every((e) => e.path === "/r" && e.operation === "set" && e.outcome === "ok" && e.cluster?.id === dev)).toBe(true);
    const failed = await findAuditEntries({ clusterId: dev, outcome: "failed", limit: 50 });
    expect(failed.entries.map((e) => e.operation)).toContain("set");
    expect((await findAuditEntries({ to: from, clusterId: dev, limit: 10 })).entries).toEqual([]);

    const csv = toCsv([{ ...page.entries[0], reason: '=HYPERLINK("http://evil")', error: "a,b" }]);
    expect(csv.split("\r\n")[0]).toMatch(/^id,at,actor,/);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv).toContain('"a,b"');
    const res = await exportAudit({ ctx: admin, input: { format: "json", clusterId: dev, operation: "create" } });
    expect(res.headers.get("content-disposition")).toMatch(/attachment; filename="audit-.*\.json"/);
    const body = await res.json();
    expect(body.count).toBeGreaterThan(0);
    expect(body.entries.every((e: { operation: string }) => e.operation === "create")).toBe(true);
    await expect(exportAudit({ ctx: ctxOf("editor"), input: { format: "csv" } })).rejects.toMatchObject({ status: 403 });
  });

  // Failing closed when the audit store cannot be written (its lock held by another process, the
  // file read-only or moved away) is tested in test/faults/database-unavailable.test.ts, on a
  // database of its own: holding this suite's shared database locked stalled other files' writes.

  it("leaves an intact chain behind all of the above", async () => {
    expect(await verifyAuditChain()).toMatchObject({ ok: true });
    expect(await db().auditRecord.count({ where: { hash: null } })).toBe(0);
  });
});
