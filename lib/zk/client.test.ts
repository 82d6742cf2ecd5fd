import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEnsemble, type LocalEnsemble } from "../ensemble/launcher";
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
