import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCluster } from "../clusters/registry";
import { startEnsemble, type LocalEnsemble } from "../ensemble/launcher";
import { closeSession, getClient } from "@/lib/core/zk/sessions";
import type { ZkClient } from "@/lib/core/zk/client";
import { requestCtx } from "@/lib/access/request-ctx";
import type { RequestCtx } from "@/lib/access/mutations";
import { copySubtree, exportSubtree, importSubtree } from ".";

const ctx = (): RequestCtx => requestCtx({ actor: { id: "u1", username: "ed", name: "ed", role: "editor", provider: "credentials" }, sourceIp: null });

/** Every node under root as relative path → bytes. */
async function snapshot(client: ZkClient, root: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  const visit = async (path: string) => {
    out.set(path.slice(root.length), (await client.get(path)).data);
    const { children } = await client.children(path);
    for (let i = 0; i < children.length; i += 64) await Promise.all(children.slice(i, i + 64).map((c) => visit(`${path}/${c}`)));
  };
  await visit(root);
  return out;
}

async function seed(client: ZkClient, root: string, branches: number, leaves: number) {
  await client.create(root, Buffer.from("root"), 0);
  for (let b = 0; b < branches; b++) {
    await client.create(`${root}/b${b}`, Buffer.from(`branch ${b} ünïcode`), 0);
    const jobs = [];
    for (let l = 0; l < leaves; l++) {
      // every third value is binary (random bytes, NULs included)
      const value = l % 3 === 0 ? randomBytes(16) : Buffer.from(JSON.stringify({ b, l }));
      jobs.push(client.create(`${root}/b${b}/l${l}`, value, 0));
    }
    await Promise.all(jobs);
  }
}

const text = async (stream: ReadableStream<Uint8Array>) => new Response(stream).text();

describe("copy, move, export and import against real ZooKeepers", () => {
  let a: LocalEnsemble;
  let b: LocalEnsemble;
  let clusterA: string;
  let clusterB: string;
  const raw = (e: LocalEnsemble, id: string) => getClient({ id, connectionString: e.connectionString, sessionTimeoutMs: 10_000 });

  beforeAll(async () => {
    [a, b] = await Promise.all([startEnsemble({ size: 1 }), startEnsemble({ size: 1 })]);
    clusterA = (await createCluster({ name: `xfer-a-${Date.now()}`, connectionString: a.connectionString })).id;
    clusterB = (await createCluster({ name: `xfer-b-${Date.now()}`, connectionString: b.connectionString })).id;
  });
  afterAll(async () => {
    for (const id of [clusterA, clusterB, "raw-a", "raw-b"]) closeSession(id);
    await Promise.all([a.stopAll(), b.stopAll()]);
  });

  it("copies a subtree within a cluster, data intact, source kept", async () => {
    const client = await raw(a, "raw-a");
    await seed(client, "/src", 5, 20);
    const r = await copySubtree({ ctx: ctx(), clusterId: clusterA, input: { source: "/src", target: "/copy" } });
    expect(r).toMatchObject({ copied: 106, verified: true, sourceDeleted: false });
    expect(await snapshot(client, "/copy")).toEqual(await snapshot(client, "/src"));
  });

  it("refuses to copy into its own subtree or over an existing target", async () => {
    await expect(copySubtree({ ctx: ctx(), clusterId: clusterA, input: { source: "/src", target: "/src/inner" } })).rejects.toMatchObject({ status: 400 });
    await expect(copySubtree({ ctx: ctx(), clusterId: clusterA, input: { source: "/src", target: "/copy" } })).rejects.toMatchObject({ code: "NODE_EXISTS" });
  });

  it("moves a subtree to another cluster: data intact there, source gone", async () => {
    const source = await raw(a, "raw-a");
    const before = await snapshot(source, "/src");
    const progress: string[] = [];
    const r = await copySubtree({ ctx: ctx(), clusterId: clusterA, input: { source: "/src", target: "/moved", targetClusterId: clusterB, move: true }, onProgress: (p) => progress.push(p.phase) });
    expect(r).toMatchObject({ copied: 106, verified: true, sourceDeleted: true });
    expect(await snapshot(await raw(b, "raw-b"), "/moved")).toEqual(before);
    expect(await source.exists("/src")).toBeNull();
    expect(new Set(progress)).toEqual(new Set(["reading", "writing", "verifying", "deleting"]));
  });

  it("renames a small subtree in one multi: moved entirely, or – when the source changed – not at all", async () => {
    const client = await raw(a, "raw-a");
    await seed(client, "/ren", 2, 3);
    const before = await snapshot(client, "/ren");
    const moved = await copySubtree({ ctx: ctx(), clusterId: clusterA, input: { source: "/ren", target: "/renamed", move: true } });
    expect(moved).toMatchObject({ copied: 9, sourceDeleted: true, atomic: true });
    expect([await snapshot(client, "/renamed"), await client.exists("/ren")]).toEqual([before, null]);

    // A node changed between the read and the multi: its version-checked delete fails the whole multi.
    const c = ctx();
    const err = await copySubtree({
      ctx: c, clusterId: clusterA, input: { source: "/renamed", target: "/again", move: true },
      onProgress: async (p) => { if (p.phase === "reading" && p.done === 9) await client.set("/renamed/b1/l2", Buffer.from("meanwhile"), 0); },
    }).catch((e) => e);
    expect(err).toMatchObject({ code: "BAD_VERSION", status: 409, message: expect.stringMatching(/\(delete \/renamed\/b1\/l2\) failed, so none was applied/), details: { applied: 0 } });
    expect(await client.exists("/again")).toBeNull();
    expect((await client.get("/renamed/b1/l2")).data.toString()).toBe("meanwhile");
  });

  it("imports in batches: a stop between batches keeps whole batches, says how far it got, and a re-run completes it", async () => {
    const client = await raw(a, "raw-a");
    await seed(client, "/batched", 3, 5); // 1 + 3 + 15 nodes
    const file = JSON.parse(await text(await exportSubtree({ ctx: ctx(), clusterId: clusterA, input: { path: "/batched" } })));
    const target = await raw(b, "raw-b");
    let meddled = false;
    const err = await importSubtree({
      ctx: ctx(), clusterId: clusterB, query: { path: "/imported", dryRun: "false" }, body: file, batchOps: 4,
      // Someone creates a node of the third batch while the first two are applied.
      onProgress: async (done) => { if (done === 8 && !meddled) { meddled = true; await target.create("/imported/b1/l1", Buffer.from("theirs"), 0); } },
    }).catch((e) => e);
    expect(err).toMatchObject({ code: "PARTIAL_APPLY", status: 409, details: { applied: 8, total: 19, failedBatch: { from: 8, size: 4 }, failedOp: { index: 10, path: "/imported/b1/l1", code: "NODE_EXISTS" } } });
    // Parents first, four at a time: /imported, b0–b2, then b0's l0–l3 are there; b0/l4 (in the failed batch) is not.
    expect((await target.children("/imported/b0")).children.sort()).toEqual(["l0", "l1", "l2", "l3"]);
    expect((await target.children("/imported/b1")).children).toEqual(["l1"]);
    const rerun = await importSubtree({ ctx: ctx(), clusterId: clusterB, query: { path: "/imported", dryRun: "false" }, body: file, batchOps: 4 });
    expect(rerun).toMatchObject({ created: 10, unchanged: 8, conflictCount: 1 }); // theirs is left alone
  });

  it("round-trips a 10,000-node tree through export and import byte for byte", async () => {
    const client = await raw(a, "raw-a");
    await seed(client, "/big", 20, 499); // 1 + 20 + 20*499 = 10,001 nodes
    const file = JSON.parse(await text(await exportSubtree({ ctx: ctx(), clusterId: clusterA, input: { path: "/big" } })));
    expect(file).toMatchObject({ format: "zk-console-export", root: "/big", count: 10_001 });
    expect(file.nodes.some((n: { encoding: string }) => n.encoding === "base64")).toBe(true);

    const dry = await importSubtree({ ctx: ctx(), clusterId: clusterB, query: { path: "/restored" }, body: file });
    expect(dry).toMatchObject({ dryRun: true, counts: { creates: 10_001, updates: 0, unchanged: 0, conflicts: 0 } });
    expect(await (await raw(b, "raw-b")).exists("/restored")).toBeNull(); // the dry run wrote nothing

    const real = await importSubtree({ ctx: ctx(), clusterId: clusterB, query: { path: "/restored", dryRun: "false" }, body: file });
    expect(real).toMatchObject({ created: 10_001, updated: 0, batches: 21 });
    expect(await snapshot(await raw(b, "raw-b"), "/restored")).toEqual(await snapshot(client, "/big"));
  });

  it("leaves out a znode the console may not read (with its subtree), lists it in the file, and the file still imports", async () => {
    const client = await raw(a, "raw-a");
    for (const p of ["/guarded", "/guarded/open", "/guarded/locked", "/guarded/locked/inner"]) await client.create(p, Buffer.from(p), 0);
    await client.setAcl("/guarded/locked", -1, [{ scheme: "digest", auth: "someone:AAAAAAAAAAAAAAAAAAAAAAAAAAA=", perms: 31 }]);
    const file = JSON.parse(await text(await exportSubtree({ ctx: ctx(), clusterId: clusterA, input: { path: "/guarded" } })));
    expect(file).toMatchObject({ count: 2, skipped: ["locked"] });
    expect(file.nodes.map((n: { path: string }) => n.path)).toEqual(["", "open"]);
    const real = await importSubtree({ ctx: ctx(), clusterId: clusterB, query: { path: "/guarded-copy", dryRun: "false" }, body: file });
    expect(real).toMatchObject({ created: 2 });
  });

  it("copies around a znode the console may not read (listed as skipped), and refuses to move such a subtree, changing nothing", async () => {
    const client = await raw(a, "raw-a");
    for (const p of ["/walled", "/walled/open", "/walled/open/leaf", "/walled/locked", "/walled/locked/inner"]) await client.create(p, Buffer.from(p), 0);
    await client.setAcl("/walled/locked", -1, [{ scheme: "digest", auth: "someone:AAAAAAAAAAAAAAAAAAAAAAAAAAA=", perms: 31 }]);
    const copied = await copySubtree({ ctx: ctx(), clusterId: clusterA, input: { source: "/walled", target: "/walled-copy" } });
    expect(copied).toMatchObject({ copied: 3, verified: true, skipped: ["locked"], skippedCount: 1 });
    expect((await client.children("/walled-copy")).children).toEqual(["open"]);
    expect((await client.get("/walled-copy/open/leaf")).data.toString()).toBe("/walled/open/leaf");
    // Across clusters too.
    await expect(copySubtree({ ctx: ctx(), clusterId: clusterA, input: { source: "/walled", target: "/walled-there", targetClusterId: clusterB } })).resolves.toMatchObject({ copied: 3, skipped: ["locked"] });

    await expect(copySubtree({ ctx: ctx(), clusterId: clusterA, input: { source: "/walled", target: "/walled-moved", move: true } })).rejects.toMatchObject({
      code: "UNREADABLE_NODES", status: 409, details: { skipped: ["/walled/locked"], skippedCount: 1 }, message: expect.stringMatching(/cannot be moved.*NO_AUTH.*\/walled\/locked.*Nothing was changed/),
    });
    expect(await client.exists("/walled-moved")).toBeNull();
    expect((await client.children("/walled")).children.sort()).toEqual(["locked", "open"]);
    await expect(copySubtree({ ctx: ctx(), clusterId: clusterA, input: { source: "/walled/locked", target: "/walled-locked" } })).rejects.toMatchObject({ code: "NO_AUTH", status: 403 });
    expect(await client.exists("/walled-locked")).toBeNull();
  });

  it("plans unchanged, updates and conflicts against an existing tree", async () => {
    const target = await raw(b, "raw-b");
    const file = JSON.parse(await text(await exportSubtree({ ctx: ctx(), clusterId: clusterA, input: { path: "/big" } })));
    await target.set("/restored/b0/l1", Buffer.from("changed meanwhile"), 0);
    const skip = await importSubtree({ ctx: ctx(), clusterId: clusterB, query: { path: "/restored" }, body: file });
    expect(skip).toMatchObject({ counts: { creates: 0, updates: 0, unchanged: 10_000, conflicts: 1 } });
    const overwrite = await importSubtree({ ctx: ctx(), clusterId: clusterB, query: { path: "/restored", onExisting: "overwrite", dryRun: "false" }, body: file });
    expect(overwrite).toMatchObject({ created: 0, updated: 1, unchanged: 10_000 });
    expect((await target.get("/restored/b0/l1")).data.toString()).toBe(JSON.stringify({ b: 0, l: 1 }));
  });

  it("rejects files that are not ours, truncated or escaping the target, writing nothing", async () => {
    const bad = [
      { hello: "world" },
      { format: "zk-console-export", formatVersion: 1, root: "/x", exportedAt: "now", nodes: [{ path: "", data: "", encoding: "utf8" }], count: 2 },
      { format: "zk-console-export", formatVersion: 1, root: "/x", exportedAt: "now", nodes: [{ path: "../escape", data: "", encoding: "utf8" }], count: 1 },
    ];
    for (const body of bad) {
      await expect(importSubtree({ ctx: ctx(), clusterId: clusterB, query: { path: "/fresh", dryRun: "false" }, body })).rejects.toMatchObject({ code: "BAD_IMPORT_FILE", status: 400 });
    }
    expect(await (await raw(b, "raw-b")).exists("/fresh")).toBeNull();
  });
});
