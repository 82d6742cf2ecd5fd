import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEnsemble, type LocalEnsemble } from "@/lib/ensemble/launcher";
import { closeSession, getClient } from "./sessions";

describe("ZkClient against a real ZooKeeper", () => {
  let zk: LocalEnsemble;
  const target = () => ({ id: "client-test", connectionString: zk.connectionString, sessionTimeoutMs: 10_000 });

  beforeAll(async () => { zk = await startEnsemble({ size: 1 }); });
  afterAll(async () => { closeSession("client-test"); await zk.stopAll(); });

  // The unpatched binding freed a NULL ACL vector here and killed the process (scripts/patch-zookeeper.mjs).
  it("reports a failed getAcl as NO_NODE instead of crashing the process", async () => {
    const client = await getClient(target());
    await expect(client.getAcl("/missing/node")).rejects.toMatchObject({ code: "NO_NODE", status: 404 });
    await expect(client.getAcl("/missing/node")).rejects.toMatchObject({ code: "NO_NODE" });
    expect((await client.getAcl("/")).acl[0]).toMatchObject({ scheme: "world", auth: "anyone" });
  });

  it("checks versions on set and delete", async () => {
    const client = await getClient(target());
    await client.create("/versioned", Buffer.from("v0"), 0);
    const stat = await client.set("/versioned", Buffer.from("v1"), 0);
    expect(stat.version).toBe(1);
    await expect(client.set("/versioned", Buffer.from("stale"), 0)).rejects.toMatchObject({ code: "BAD_VERSION", status: 409 });
    await expect(client.delete("/versioned", 0)).rejects.toMatchObject({ code: "BAD_VERSION" });
    expect((await client.get("/versioned")).data.toString()).toBe("v1");
    await client.delete("/versioned", 1);
    expect(await client.exists("/versioned")).toBeNull();
  });
});

describe("ZkClient watches, auth and config against a real ZooKeeper", () => {
  let zk: LocalEnsemble;
  const target = () => ({ id: "client-watch-test", connectionString: zk.connectionString, sessionTimeoutMs: 10_000 });
  const next = <T>() => {
    let resolve!: (v: T) => void;
    const promise = new Promise<T>((r) => (resolve = r));
    return { promise, resolve };
  };

  beforeAll(async () => { zk = await startEnsemble({ size: 1 }); });
  afterAll(async () => { closeSession("client-watch-test"); await zk.stopAll(); });

  it("fires a one-shot data watch on change and a child watch on a new child", async () => {
    const client = await getClient(target());
    await client.create("/watched", Buffer.from("v0"), 0);
    const data = next<unknown>();
    const kids = next<unknown>();
    expect((await client.getWatched("/watched", data.resolve)).data.toString()).toBe("v0");
    expect((await client.childrenWatched("/watched", kids.resolve)).children).toEqual([]);
    await client.set("/watched", Buffer.from("v1"), 0);
    expect(await data.promise).toEqual({ type: "changed", path: "/watched" });
    await client.create("/watched/child", Buffer.alloc(0), 0);
    expect(await kids.promise).toEqual({ type: "children", path: "/watched" });
  });

  it("watches a path that does not exist yet and reports its creation and deletion", async () => {
    const client = await getClient(target());
    const created = next<unknown>();
    expect(await client.existsWatched("/later", created.resolve)).toBeNull();
    await client.create("/later", Buffer.alloc(0), 0);
    expect(await created.promise).toEqual({ type: "created", path: "/later" });
    const deleted = next<unknown>();
    await client.getWatched("/later", deleted.resolve);
    await client.delete("/later", 0);
    expect(await deleted.promise).toEqual({ type: "deleted", path: "/later" });
  });

  it("authenticates with a digest identity and then passes a digest ACL", async () => {
    const client = await getClient(target());
    await client.addAuth("digest", "ops:secret");
    await client.create("/guarded", Buffer.from("x"), 0);
    // ops:secret hashed as ZooKeeper does: base64(sha1("ops:secret")).
    const { createHash } = await import("node:crypto");
    const id = `ops:${createHash("sha1").update("ops:secret").digest("base64")}`;
    await client.setAcl("/guarded", 0, [{ scheme: "digest", auth: id, perms: 31 }]);
    expect((await client.get("/guarded")).data.toString()).toBe("x");
    expect((await client.getAcl("/guarded")).acl).toEqual([{ scheme: "digest", auth: id, perms: 31 }]);
  });

  it("reads the ensemble configuration", async () => {
    const client = await getClient(target());
    const { data } = await client.getConfig();
    expect(data.toString()).toMatch(/version=|^$/m);
  });
});

describe("ZkClient errors", () => {
  let zk: LocalEnsemble;
  beforeAll(async () => { zk = await startEnsemble({ size: 1 }); });
  afterAll(async () => { closeSession("client-error-test"); await zk.stopAll(); });

  it("names the path in a typed error", async () => {
    const client = await getClient({ id: "client-error-test", connectionString: zk.connectionString, sessionTimeoutMs: 10_000 });
    await expect(client.get("/does/not/exist")).rejects.toMatchObject({ code: "NO_NODE", status: 404, message: "znode /does/not/exist does not exist" });
    await expect(client.create("/a/b", Buffer.alloc(0), 0)).rejects.toMatchObject({ code: "NO_NODE", message: expect.stringContaining("/a/b") });
  });
});
