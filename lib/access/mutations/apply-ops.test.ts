// The op-list engine against a real ZooKeeper and SQLite: POST …/multi is all or nothing, every op
// is authorized for its own node, one audit record lists every op; bulk lists go in batches that
// each apply whole, and a stop between batches says exactly how far it got.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as multiRoute from "@/app/api/v1/clusters/[id]/multi/route";
import { createCluster } from "@/lib/clusters/registry";
import { startEnsemble, type LocalEnsemble } from "@/lib/ensemble/launcher";
import { closeSession, getClient } from "@/lib/core/zk/sessions";
import type { ZkClient } from "@/lib/core/zk/client";
import { auditEntryOfRequest } from "@/lib/audit/query";
import { callRoute, makeRoleUsers, type Who } from "@/test/support/auth";
import { actorCtx } from "@/test/support/actors";
import { applyOps, type PrimitiveOp } from ".";

describe("applying op lists", () => {
  let zk: LocalEnsemble;
  let raw: ZkClient;
  let clusterId: string;
  let users: Record<Who, string>;
  const multi = (who: Who, body: unknown) => callRoute(multiRoute.POST, "POST", `/api/v1/clusters/${clusterId}/multi`, { id: clusterId }, { userId: users[who], body });
  const text = async (path: string) => (await raw.exists(path)) && (await raw.get(path)).data.toString();

  beforeAll(async () => {
    zk = await startEnsemble({ size: 1 });
    raw = await getClient({ id: "ops-raw", connectionString: zk.connectionString, sessionTimeoutMs: 15_000 });
    for (const p of ["/app", "/other", "/batch"]) await raw.create(p, Buffer.from(""), 0);
    clusterId = (await createCluster({ name: `ops-${Date.now()}`, connectionString: zk.connectionString })).id;
    users = await makeRoleUsers(clusterId, "/other");
  });
  afterAll(async () => {
    closeSession("ops-raw");
    closeSession(clusterId);
    await zk.stopAll();
  });

  it("applies create, set, check and delete together and answers each op's result", async () => {
    await raw.create("/app/a", Buffer.from("a0"), 0);
    await raw.create("/app/gone", Buffer.from(""), 0);
    const res = await multi("editor", { ops: [
      { op: "check", path: "/app/a", version: 0 },
      { op: "set", path: "/app/a", data: "a1", version: 0 },
      { op: "create", path: "/app/new", data: "bmV3", encoding: "base64" },
      { op: "create", path: "/app/job-", nodeType: "persistent_sequential" },
      { op: "delete", path: "/app/gone", version: 0 },
    ], reason: "one change" });
    expect(res.status).toBe(200);
    expect(res.json.applied).toBe(5);
    expect(res.json.results[1]).toMatchObject({ op: "set", path: "/app/a", stat: { version: 1 } });
    expect(res.json.results[3].createdPath).toMatch(/^\/app\/job-\d{10}$/);
    expect([await text("/app/a"), await text("/app/new"), await raw.exists("/app/gone")]).toEqual(["a1", "new", null]);
    const entry = await auditEntryOfRequest(res.headers.get("x-request-id")!);
    expect(entry).toMatchObject({ operation: "multi", path: "/app", outcome: "ok", reason: "one change" });
    expect(entry.details).toMatchObject({ atomic: true, opCount: 5, applied: 5 });
    expect((entry.details!.ops as { op: string; path: string }[]).map((o) => `${o.op} ${o.path}`)).toEqual(["check /app/a", "set /app/a", "create /app/new", "create /app/job-", "delete /app/gone"]);
  });

  it("applies nothing when one version is stale: 409 names the op, and the audit record says so", async () => {
    await raw.create("/app/s", Buffer.from("s0"), 0);
    await raw.set("/app/s", Buffer.from("theirs"), 0);
    const res = await multi("editor", { ops: [
      { op: "create", path: "/app/s-child", data: "x" },
      { op: "set", path: "/app/s", data: "mine", version: 0 },
      { op: "delete", path: "/app/a", version: 1 },
    ] });
    expect(res.status).toBe(409);
    expect(res.json.error).toMatchObject({ code: "BAD_VERSION", details: { applied: 0, failedOp: { index: 1, op: "set", path: "/app/s", code: "BAD_VERSION" }, codes: ["OK", "BAD_VERSION", "ROLLED_BACK"] } });
    expect(res.json.error.message).toMatch(/operation 2 of 3 \(set \/app\/s\) failed, so none was applied/);
    expect([await raw.exists("/app/s-child"), await text("/app/s"), await text("/app/a")]).toEqual([null, "theirs", "a1"]);
    const entry = await auditEntryOfRequest(res.headers.get("x-request-id")!);
    expect(entry).toMatchObject({ operation: "multi", outcome: "failed", error: expect.stringMatching(/none was applied/) });
    expect(entry.details).toMatchObject({ opCount: 3, applied: 0, failedOp: { index: 1, path: "/app/s" } });
    expect(entry.details!.ops).toHaveLength(3);
  });

  it("authorizes every op for its own node before anything is sent", async () => {
    await raw.create("/other/o", Buffer.from("o0"), 0);
    // The prefix editor may write /other, not /app: the whole list is refused.
    const res = await multi("prefixEditor", { ops: [{ op: "set", path: "/other/o", data: "o1", version: 0 }, { op: "create", path: "/app/sneaky" }] });
    expect(res.status).toBe(403);
    expect(res.json.error.message).toMatch(/\/app\/sneaky/);
    expect([await text("/other/o"), await raw.exists("/app/sneaky")]).toEqual(["o0", null]);
    expect(await auditEntryOfRequest(res.headers.get("x-request-id")!)).toMatchObject({ operation: "multi", outcome: "failed" });
    // A sequential create is checked on its parent, where ZooKeeper picks the name.
    expect((await multi("prefixEditor", { ops: [{ op: "create", path: "/app-", nodeType: "persistent_sequential" }] })).status).toBe(403);
    expect((await multi("prefixEditor", { ops: [{ op: "create", path: "/other/seq-", nodeType: "persistent_sequential" }] })).status).toBe(200);
    // A check is a read: a viewer may not check inside a write it may not make, nor anyone read outside its grant.
    expect((await multi("viewer", { ops: [{ op: "check", path: "/app/a", version: 1 }] })).status).toBe(403);
    expect((await multi("prefixEditor", { ops: [{ op: "check", path: "/app/a", version: 1 }, { op: "create", path: "/other/c" }] })).status).toBe(403);
    expect(await raw.exists("/other/c")).toBeNull();
  });

  it("never writes /zookeeper and refuses bad op lists with a clear error", async () => {
    const zkTree = await multi("admin", { ops: [{ op: "create", path: "/zookeeper/x" }] });
    expect(zkTree.status).toBe(403);
    expect(zkTree.json.error.message).toMatch(/belongs to ZooKeeper itself/);
    expect((await multi("editor", { ops: [] })).json.error.message).toMatch(/at least one operation/);
    expect((await multi("editor", { ops: [{ op: "rename", path: "/app/a" }] })).json.error.message).toMatch(/op must be one of create, set, delete, check/);
    expect((await multi("editor", { ops: [{ op: "set", path: "/app/a", data: "x" }] })).json.error.message).toMatch(/version is required/);
    expect((await multi("editor", { ops: [{ op: "create", path: "/app/b64", data: "%%%", encoding: "base64" }] })).json.error.message).toMatch(/ops\[0\]\.data: data is not valid base64/);
    const big = "x".repeat(600_000);
    const tooLarge = await multi("editor", { ops: [{ op: "create", path: "/app/big1", data: big }, { op: "create", path: "/app/big2", data: big }] });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.json.error.message).toMatch(/a multi is one request/);
    expect(await raw.exists("/app/big1")).toBeNull();
  });

  it("applies a long list in batches that each apply whole, and reports where it stopped", async () => {
    const ops: PrimitiveOp[] = Array.from({ length: 7 }, (_, i) => ({ op: "create", path: `/batch/n${i}`, data: Buffer.from(String(i)) }));
    await raw.create("/batch/n5", Buffer.from("already"), 0); // batch 3 (n4, n5) fails on it
    const progress: number[] = [];
    const ctx = actorCtx("editor");
    const err = await applyOps({ ctx, clusterId, operation: "import", ops, maxBatchOps: 2, onProgress: (p) => progress.push(p.done) }).catch((e) => e);
    expect(err).toMatchObject({ code: "PARTIAL_APPLY", status: 409, details: { applied: 4, total: 7, appliedBatches: 2, batches: 4, failedBatch: { index: 2, from: 4, size: 2 }, failedOp: { index: 5, path: "/batch/n5", code: "NODE_EXISTS" } } });
    expect(err.message).toMatch(/applied 4 of 7 operations \(batches 1–2 of 4\); batch 3 \(operations 5–6\) applied nothing and nothing after it was sent: operation 6 of 7 \(create \/batch\/n5\)/);
    expect(progress).toEqual([2, 4]);
    expect((await raw.children("/batch")).children.sort()).toEqual(["n0", "n1", "n2", "n3", "n5"]);
    expect(await auditEntryOfRequest(ctx.requestId)).toMatchObject({ operation: "import", outcome: "failed", details: { applied: 4, opCount: 7 } });

    const ok = await applyOps({ ctx: actorCtx("editor"), clusterId, operation: "import", ops: ops.filter((o) => o.path !== "/batch/n5").map((o) => ({ ...o, path: o.path + "b" })), maxBatchOps: 4 });
    expect(ok).toMatchObject({ applied: 6, total: 6, batches: 2 });
  });
});
