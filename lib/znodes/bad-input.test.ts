// Bad input to every write verb: a clear 4xx naming the broken rule, and nothing written.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { createCluster } from "../clusters/registry";
import { startEnsemble, type LocalEnsemble } from "../ensemble/launcher";
import { actorCtx } from "@/test/support/actors";
import { closeSession, getClient } from "@/lib/core/zk/sessions";
import { copySubtree, createNode, deleteNode, importSubtree, setData } from ".";

/** The message the API would answer with (lib/access/route.ts maps ZodError to "path: message"). */
async function rejection(p: Promise<unknown>): Promise<{ status: number; message: string }> {
  const e = await p.then(() => null, (err: unknown) => err);
  if (e instanceof ZodError) return { status: 400, message: `${e.issues[0].path.join(".")}: ${e.issues[0].message}` };
  if (e && typeof e === "object" && "status" in e) return { status: (e as { status: number }).status, message: (e as unknown as Error).message };
  throw new Error(`expected a 4xx rejection, got ${e === null ? "success" : String(e)}`);
}

const node = (path: string, data = "", encoding = "utf8") => ({ path, data, encoding });
const file = (nodes: ReturnType<typeof node>[], extra: Record<string, unknown> = {}) => ({ format: "zk-console-export", formatVersion: 1, root: "/src", exportedAt: "2026-01-01T00:00:00Z", nodes, count: nodes.length, ...extra });

describe("bad input to the write verbs", () => {
  let zk: LocalEnsemble;
  let clusterId: string;
  let chrootId: string;
  const raw = () => getClient({ id: "raw-bad-input", connectionString: zk.connectionString, sessionTimeoutMs: 10_000 });
  const ctx = () => actorCtx("editor");

  beforeAll(async () => {
    zk = await startEnsemble({ size: 1 });
    const client = await raw();
    for (const p of ["/cfg", "/cfg/node", "/jail", "/jail/inside"]) await client.create(p, Buffer.from("v0"), 0);
    clusterId = (await createCluster({ name: `bad-${Date.now()}`, connectionString: zk.connectionString, maxDataBytes: 1024 })).id;
    chrootId = (await createCluster({ name: `jail-${Date.now()}`, connectionString: `${zk.connectionString}/jail` })).id;
  });
  afterAll(async () => {
    for (const id of [clusterId, chrootId, "raw-bad-input"]) closeSession(id);
    await zk.stopAll();
  });

  it.each([
    [{ data: "x", version: "1" }, /^version: version must be a number/],
    [{ data: "x", version: -1 }, /^version: version must be 0 or more/],
    [{ data: "x", version: 1.5 }, /^version: version must be a whole number/],
    [{ data: "x", version: 2 ** 40 }, /^version: version is larger than ZooKeeper allows/],
    [{ data: "x" }, /^version: version is required/],
    [{ data: 42, version: 0 }, /^data: Expected string/],
    [{ data: "%%%", encoding: "base64", version: 0 }, /^data: data is not valid base64/],
    [{ data: "x", encoding: "latin1", version: 0 }, /^encoding: /],
    [{ data: "x", version: 0, extra: 1 }, /Unrecognized key.*extra/],
    [null, /Expected object/],
    ["a string body", /Expected object/],
  ])("set refuses %j", async (input, message) => {
    const r = await rejection(setData({ ctx: ctx(), clusterId, path: "/cfg/node", input }));
    expect(r.status).toBe(400);
    expect(r.message).toMatch(message);
    expect((await (await raw()).get("/cfg/node")).data.toString()).toBe("v0");
  });

  it.each([
    [{ nodeType: "sideways" }, /^nodeType: /],
    [{ nodeType: "persistent_ttl" }, /^ttlMs: a TTL node needs ttlMs/],
    [{ nodeType: "persistent_ttl", ttlMs: -5 }, /^ttlMs: ttlMs must be at least 1/],
    [{ nodeType: "persistent_ttl", ttlMs: 0.5 }, /^ttlMs: ttlMs must be a whole number/],
    [{ nodeType: "persistent_ttl", ttlMs: 1e15 }, /^ttlMs: ttlMs must be at most one year/],
    [{ nodeType: "persistent_ttl", ttlMs: "60000" }, /^ttlMs: ttlMs must be a number/],
    [{ nodeType: "persistent", ttlMs: 60_000 }, /^ttlMs: ttlMs is only for/],
    [{ createParents: "yes" }, /^createParents: Expected boolean/],
    [{ reason: "r".repeat(1001) }, /^reason: the reason is longer than 1000 characters/],
  ])("create refuses %j", async (input, message) => {
    const r = await rejection(createNode({ ctx: ctx(), clusterId, path: "/cfg/new", input }));
    expect(r).toMatchObject({ status: 400 });
    expect(r.message).toMatch(message);
    expect(await (await raw()).exists("/cfg/new")).toBeNull();
  });

  it("refuses a value over the cluster's size limit with 413, before writing", async () => {
    const r = await rejection(createNode({ ctx: ctx(), clusterId, path: "/cfg/big", input: { data: "x".repeat(1025) } }));
    expect(r).toMatchObject({ status: 413, message: expect.stringMatching(/1025 bytes.*at most 1024 bytes/) });
    expect(await (await raw()).exists("/cfg/big")).toBeNull();
  });

  it.each([
    [{ version: "-1" }, /^version: version must be 0 or more/],
    [{ version: "abc" }, /^version: version must be a number/],
    [{ version: "99999999999" }, /^version: version is larger than ZooKeeper allows/],
    [{ version: "" }, /version is required/],
    [{ recursive: "yes" }, /^recursive: /],
  ])("delete refuses %j", async (input, message) => {
    const r = await rejection(deleteNode({ ctx: ctx(), clusterId, path: "/cfg/node", input }));
    expect(r.status).toBe(400);
    expect(r.message).toMatch(message);
    expect(await (await raw()).exists("/cfg/node")).not.toBeNull();
  });

  it("refuses paths that climb out of a chroot, and writes inside it", async () => {
    for (const path of ["/../escape", "/inside/../../escape", "/./x", "//x", "relative"]) {
      expect(await rejection(createNode({ ctx: ctx(), clusterId: chrootId, path, input: {} }))).toMatchObject({ status: 400, message: expect.stringMatching(/invalid znode path/) });
    }
    for (const target of ["/../escape", "/inside/.."]) {
      expect(await rejection(copySubtree({ ctx: ctx(), clusterId: chrootId, input: { source: "/inside", target } }))).toMatchObject({ status: 400 });
    }
    expect(await rejection(importSubtree({ ctx: ctx(), clusterId: chrootId, query: { path: "/..", dryRun: "false" }, body: file([node("")]) }))).toMatchObject({ status: 400 });
    const client = await raw();
    expect(await client.exists("/escape")).toBeNull();
    await createNode({ ctx: ctx(), clusterId: chrootId, path: "/inside/child", input: { data: "jailed" } });
    expect((await client.get("/jail/inside/child")).data.toString()).toBe("jailed");
    expect(await client.exists("/inside")).toBeNull();
  });

  it.each([
    ["not ours", { hello: "world" }, /not a zk-console-export file/],
    ["a newer format", file([node("")], { formatVersion: 2 }), /formatVersion/],
    ["truncated (count mismatch)", file([node(""), node("a")], { count: 3 }), /truncated or edited/],
    ["without nodes", { ...file([]), nodes: undefined }, /nodes/],
    ["a node of the wrong shape", file([{ path: "", data: 5, encoding: "utf8" } as never]), /nodes\.0\.data/],
    ["a path escaping the target", file([node(""), node("../escape")]), /invalid relative path/],
    ["a duplicated path", file([node(""), node("a"), node("a")]), /lists "a" twice/],
    ["a node without its parent", file([node(""), node("a/b")]), /"a\/b" is listed without its parent "a"/],
    ["no root entry", file([node("a")]), /no entry for its root/],
    ["bad base64", file([node("", "%%%", "base64")]), /not valid base64/],
  ])("import refuses a file that is %s, writing nothing", async (_what, body, message) => {
    for (const dryRun of ["true", "false"]) {
      const r = await rejection(importSubtree({ ctx: ctx(), clusterId, query: { path: "/imported", dryRun }, body }));
      expect(r.status).toBe(400);
      expect(r.message).toMatch(message);
    }
    expect(await (await raw()).exists("/imported")).toBeNull();
  });

  it("import refuses a file whose values exceed the cluster's limit, before writing", async () => {
    const r = await rejection(importSubtree({ ctx: ctx(), clusterId, query: { path: "/imported", dryRun: "false" }, body: file([node(""), node("big", "y".repeat(2000))]) }));
    expect(r).toMatchObject({ status: 413, message: expect.stringMatching(/"big" is 2000 bytes/) });
    expect(await (await raw()).exists("/imported")).toBeNull();
  });

  it.each([
    [{ dryRun: "maybe" }, /^dryRun: /],
    [{ onExisting: "merge" }, /^onExisting: /],
    [{ path: "" }, /invalid znode path/],
  ])("import refuses the query %j", async (query, message) => {
    const r = await rejection(importSubtree({ ctx: ctx(), clusterId, query: { path: "/imported", ...query }, body: file([node("")]) }));
    expect(r.status).toBe(400);
    expect(r.message).toMatch(message);
  });
});
