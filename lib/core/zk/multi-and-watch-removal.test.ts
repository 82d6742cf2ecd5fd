// multi() is all or nothing and names the failing op; removeWatches() removes the session's
// watch on the server, which `wchs` shows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEnsemble, type LocalEnsemble } from "@/lib/ensemble/launcher";
import { fourLetterWord } from "./four-letter";
import { eventually } from "@/test/support/eventually";
import type { ZkMultiError } from "./errors";
import { closeSession, getClient } from "./sessions";

const SEQUENTIAL = 2;

describe("multi and watch removal against a real ZooKeeper", () => {
  let zk: LocalEnsemble;
  const client = () => getClient({ id: "multi-test", connectionString: zk.connectionString, sessionTimeoutMs: 10_000 });
  const ask = (word: string) => fourLetterWord(zk.members[0].host, zk.members[0].clientPort, word);
  // wchs counts data watches only; mntr's zk_watch_count counts data and child watches.
  const dataWatches = async () => Number(/Total watches:(\d+)/.exec(await ask("wchs"))?.[1] ?? NaN);
  const totalWatches = async () => Number(/zk_watch_count\s+(\d+)/.exec(await ask("mntr"))?.[1] ?? NaN);

  beforeAll(async () => { zk = await startEnsemble({ size: 1 }); });
  afterAll(async () => { closeSession("multi-test"); await zk.stopAll(); });

  it("applies create, set, check and delete together and returns each op's result", async () => {
    const c = await client();
    await c.create("/m", Buffer.from("v0"), 0);
    await c.create("/m/old", Buffer.alloc(0), 0);
    const results = await c.multi([
      { op: "check", path: "/m", version: 0 },
      { op: "set", path: "/m", data: Buffer.from("v1"), version: 0 },
      { op: "create", path: "/m/seq-", data: Buffer.from("s"), flags: SEQUENTIAL },
      { op: "delete", path: "/m/old", version: 0 },
    ]);
    expect(results[0]).toEqual({ op: "check" });
    expect(results[1]).toMatchObject({ op: "set", stat: { version: 1 } });
    expect(results[2]).toEqual({ op: "create", path: expect.stringMatching(/^\/m\/seq-\d{10}$/) });
    expect(results[3]).toEqual({ op: "delete" });
    expect((await c.get("/m")).data.toString()).toBe("v1");
    expect((await c.children("/m")).children).toEqual([results[2].op === "create" ? results[2].path.slice(3) : ""]);
  });

  it("applies nothing when one version is stale, and names that op", async () => {
    const c = await client();
    await c.create("/n", Buffer.from("n0"), 0);
    await c.set("/n", Buffer.from("n1"), 0);
    const failure = await c
      .multi([
        { op: "create", path: "/n/a", data: Buffer.from("a") },
        { op: "set", path: "/n", data: Buffer.from("stale"), version: 0 },
        { op: "create", path: "/n/b", data: Buffer.from("b") },
      ])
      .then(() => null, (e: ZkMultiError) => e);
    expect(failure).toMatchObject({ code: "BAD_VERSION", status: 409, index: 1, op: { op: "set", path: "/n" }, codes: ["OK", "BAD_VERSION", "ROLLED_BACK"] });
    expect(failure?.message).toMatch(/operation 2 of 3 \(set \/n\) failed, so none was applied/);
    expect(await c.exists("/n/a")).toBeNull();
    expect(await c.exists("/n/b")).toBeNull();
    expect((await c.get("/n")).data.toString()).toBe("n1");
  });

  it("names a create under a missing parent", async () => {
    const c = await client();
    await expect(c.multi([{ op: "create", path: "/nowhere/x" }])).rejects.toMatchObject({ code: "NO_NODE", index: 0 });
  });

  it("removes the session's data and child watches on the server; their callbacks never run", async () => {
    const c = await client();
    await c.create("/w", Buffer.from("w0"), 0);
    const calls: string[] = [];
    await c.existsWatched("/w", (e) => calls.push(`data:${e.type}`));
    await c.childrenWatched("/w", (e) => calls.push(`child:${e.type}`));
    await eventually(async () => expect([await dataWatches(), await totalWatches()]).toEqual([1, 2]));

    expect(await c.removeWatches("/w", "data")).toBe(true);
    await eventually(async () => expect([await dataWatches(), await totalWatches()]).toEqual([0, 1]));
    expect(await c.removeWatches("/w", "child")).toBe(true);
    await eventually(async () => expect([await dataWatches(), await totalWatches()]).toEqual([0, 0]));
    expect(await c.removeWatches("/w", "any")).toBe(false);

    await c.set("/w", Buffer.from("w1"), 0);
    await c.create("/w/kid", Buffer.alloc(0), 0);
    // The session still serves watches set afterwards, and only those fire.
    const fired = new Promise((resolve) => void c.getWatched("/w", resolve));
    await c.set("/w", Buffer.from("w2"), 1);
    expect(await fired).toEqual({ type: "changed", path: "/w" });
    expect(calls).toEqual([]);
  });

  it("shares one server watch among callers watching the same path, and fires each once", async () => {
    const c = await client();
    await c.create("/shared", Buffer.from("0"), 0);
    const a = new Promise((resolve) => void c.getWatched("/shared", resolve));
    const b = new Promise((resolve) => void c.existsWatched("/shared", resolve));
    await eventually(async () => expect(await totalWatches()).toBe(1));
    await c.set("/shared", Buffer.from("1"), 0);
    expect(await Promise.all([a, b])).toEqual([{ type: "changed", path: "/shared" }, { type: "changed", path: "/shared" }]);
    await eventually(async () => expect(await totalWatches()).toBe(0));
  });
});
