// Paging a znode with 100,000 children through the registered-cluster path, on a real server.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { createCluster } from "../clusters/registry";
import { createMany } from "../demo/seed";
import { startEnsemble, type LocalEnsemble } from "../ensemble/launcher";
import { closeSession, getClient } from "@/lib/core/zk/sessions";
import type { ZkClient } from "@/lib/core/zk/client";
import { actorCtx } from "@/test/support/actors";
import { listChildrenPage } from "./list-children";

const COUNT = 100_000;
// Short names keep a getChildren reply near ZooKeeper's 1 MB jute.maxbuffer
// (100,000 x (4 + 6) bytes ≈ 1.0 MB), the largest listing a default server sends.
const name = (i: number) => `c${String(i).padStart(5, "0")}`;

describe("listChildrenPage with 100,000 children", () => {
  let zk: LocalEnsemble;
  let clusterId: string;
  let client: ZkClient;
  const readerCtx = actorCtx("viewer");
  const page = (input: Record<string, unknown>) => listChildrenPage({ ctx: readerCtx, clusterId, input });

  beforeAll(async () => {
    zk = await startEnsemble({ size: 1 });
    const cluster = await createCluster({ name: `list-children-${Date.now()}`, connectionString: zk.connectionString, sessionTimeoutMs: 30_000 });
    clusterId = cluster.id;
    client = await getClient({ id: cluster.id, connectionString: cluster.connectionString, sessionTimeoutMs: cluster.sessionTimeoutMs });
    await client.create("/many", Buffer.from(""), 0);
    // Created in shuffled order, so sorting is the listing's job, not an accident of creation order.
    const order = Array.from({ length: COUNT }, (_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    await createMany(client, "/many", COUNT, (i) => name(order[i]), 200);
  }, 300_000);

  afterAll(async () => {
    if (clusterId) closeSession(clusterId);
    await new Promise((r) => setTimeout(r, 50));
    await zk?.stopAll();
  });

  it("reports the total and returns the first page sorted", async () => {
    const first = await page({ path: "/many" });
    expect(first).toMatchObject({ path: "/many", total: COUNT, matched: COUNT, offset: 0, limit: 200 });
    expect(first.children).toEqual(Array.from({ length: 200 }, (_, i) => name(i)));
  });

  it("pages through all children with offset/limit: sorted, disjoint, complete", async () => {
    const seen: string[] = [];
    for (let offset = 0; offset < COUNT; offset += 1000) {
      const p = await page({ path: "/many", offset, limit: 1000 });
      expect(p.total).toBe(COUNT);
      expect(p.children).toHaveLength(1000);
      seen.push(...p.children);
    }
    expect(seen).toHaveLength(COUNT);
    expect(new Set(seen).size).toBe(COUNT);
    expect(seen).toEqual([...seen].sort());
    expect(seen[0]).toBe(name(0));
    expect(seen[COUNT - 1]).toBe(name(COUNT - 1));
  }, 120_000);

  it("accepts query-string values (strings) and returns an empty page past the end", async () => {
    const p = await page({ path: "/many", offset: "99990", limit: "50" });
    expect(p.children).toEqual(Array.from({ length: 10 }, (_, i) => name(99_990 + i)));
    expect((await page({ path: "/many", offset: COUNT, limit: 10 })).children).toEqual([]);
  });

  it("rejects a limit above 1000 or below 1, and a negative offset", async () => {
    await expect(page({ path: "/many", limit: 1001 })).rejects.toThrow(ZodError);
    await expect(page({ path: "/many", limit: 1001 })).rejects.toThrow(/at most 1000/);
    await expect(page({ path: "/many", limit: 0 })).rejects.toThrow(ZodError);
    await expect(page({ path: "/many", offset: -1 })).rejects.toThrow(ZodError);
  });

  it("filters by case-insensitive substring: matched narrows, total stays", async () => {
    const p = await page({ path: "/many", filter: "99999" });
    expect(p).toMatchObject({ total: COUNT, matched: 1, children: [name(99_999)] });

    const many = await page({ path: "/many", filter: "C999", limit: 1000 });
    expect(many.matched).toBe(100); // c99900 .. c99999
    expect(many.children).toEqual(Array.from({ length: 100 }, (_, i) => name(99_900 + i)));

    const paged = await page({ path: "/many", filter: "C999", offset: 90, limit: 20 });
    expect(paged.children).toEqual(Array.from({ length: 10 }, (_, i) => name(99_990 + i)));

    expect(await page({ path: "/many", filter: "no-such-name" })).toMatchObject({ matched: 0, children: [] });
  });

  it("locates a child in the (filtered) list, to reveal a deep link; null when it is not there", async () => {
    expect(await page({ path: "/many", locate: name(99_995), limit: 1 })).toMatchObject({ index: 99_995, children: [name(0)] });
    expect((await page({ path: "/many", locate: name(0) })).index).toBe(0);
    expect((await page({ path: "/many", filter: "c999", locate: name(99_995) })).index).toBe(95);
    expect((await page({ path: "/many", filter: "c999", locate: name(5) })).index).toBeNull();
    expect((await page({ path: "/many", locate: "zz-not-a-child" })).index).toBeNull();
    expect((await page({ path: "/many" })).index).toBeNull();
  });

  it("answers NO_NODE 404 for a path that does not exist", async () => {
    await expect(page({ path: "/does-not-exist" })).rejects.toMatchObject({ code: "NO_NODE", status: 404 });
  });

  it("answers INVALID_PATH 400 for a malformed path, before touching ZooKeeper", async () => {
    await expect(page({ path: "many" })).rejects.toMatchObject({ code: "INVALID_PATH", status: 400 });
    await expect(page({ path: "/many/" })).rejects.toMatchObject({ code: "INVALID_PATH", status: 400 });
    await expect(page({})).rejects.toThrow(/path query parameter is required/);
  });

  it("answers NOT_FOUND for an unregistered cluster", async () => {
    await expect(listChildrenPage({ ctx: readerCtx, clusterId: "no-such-cluster", input: { path: "/many" } })).rejects.toMatchObject({ status: 404 });
  });

  it("sees a new child and a deleted child on the next call (the cached listing is invalidated)", async () => {
    expect((await page({ path: "/many" })).total).toBe(COUNT); // warm cache
    await client.create("/many/czzzzz", Buffer.from(""), 0);
    const after = await page({ path: "/many", offset: COUNT, limit: 10 });
    expect(after.total).toBe(COUNT + 1);
    expect(after.children).toEqual(["czzzzz"]);

    await client.delete("/many/czzzzz", -1);
    expect((await page({ path: "/many" })).total).toBe(COUNT);
  });

  it("lists a leaf and the root", async () => {
    expect(await page({ path: `/many/${name(5)}` })).toMatchObject({ total: 0, matched: 0, children: [] });
    const root = await page({ path: "/" });
    expect(root.children).toEqual(expect.arrayContaining(["many", "zookeeper"]));
  });
});
