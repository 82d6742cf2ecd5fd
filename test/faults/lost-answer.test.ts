// FAULT: the network loses the answer to a write ZooKeeper applied, or the write itself, or stays
// down for longer than the session timeout. A relay between the console and a real ZooKeeper drops
// the bytes. The console must never report a lost write as failed when it landed (nor the reverse):
// it reads the node back after reconnecting, and says "may or may not have been applied" (audited
// "unknown") when it cannot; a follow-up read then decides, and an edit made from the old version
// still has to pass its version check.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEntryOfRequest } from "../../lib/audit/query";
import { createCluster } from "../../lib/clusters/registry";
import { startEnsemble, type LocalEnsemble } from "../../lib/ensemble/launcher";
import { actorCtx } from "../support/actors";
import { closeSession, sessionStatus } from "../../lib/core/zk/sessions";
import { createMany } from "../../lib/demo/seed";
import { copySubtree, getNode, setData } from "../../lib/znodes";
import { eventually, rawClient, sleep, timed } from "./support";
import { OP, startTcpProxy, type TcpProxy } from "./tcp-proxy";

describe("lost answers and lost requests", () => {
  let zk: LocalEnsemble;
  let proxy: TcpProxy;
  let clusterId: string;
  let raw: ReturnType<typeof rawClient>;
  const read = (path: string) => getNode({ ctx: actorCtx("viewer"), clusterId, input: { path } });
  /** Start a save through the console at `version`; resolves with how it ended. */
  const save = (path: string, data: string, version: number) => {
    const ctx = actorCtx("editor");
    return { requestId: ctx.requestId, done: timed(setData({ ctx, clusterId, path, input: { data, version } })) };
  };

  beforeAll(async () => {
    zk = await startEnsemble({ size: 1, tickTime: 1000 });
    proxy = await startTcpProxy({ host: "127.0.0.1", port: zk.members[0].clientPort });
    raw = rawClient(zk, "lost-answer-raw");
    const c = await raw.client();
    for (const p of ["/lost", "/lost/applied", "/lost/dropped", "/lost/unknown"]) await c.create(p, Buffer.from("v0"), 0);
    clusterId = (await createCluster({ name: `lost-answer-${Date.now()}`, connectionString: proxy.address, sessionTimeoutMs: 4000 })).id;
    await read("/lost");
  });
  afterAll(async () => {
    for (const id of [clusterId, "lost-answer-raw"]) if (id) closeSession(id);
    await proxy?.close();
    await zk?.stopAll();
  });

  it("confirms by reading back a write whose answer was lost: applied once, reported and audited ok", async () => {
    const session = sessionStatus(clusterId).sessionId;
    const lost = proxy.loseNext(OP.setData, "answer");
    const s = save("/lost/applied", "v1", 0);
    await lost;
    await eventually(async () => expect((await raw.read("/lost/applied")).stat.version).toBe(1), 10_000, 50);
    proxy.cut(); // the link drops with the answer still owed
    proxy.mode = "pass";
    const r = await s.done;
    expect(r).toMatchObject({ ok: true, value: { version: 1 } });
    expect(await auditEntryOfRequest(s.requestId)).toMatchObject({ outcome: "ok", after: { data: "v1", version: 1 }, details: expect.objectContaining({ confirmedByReadBack: "CONNECTION_LOSS" }) });
    expect((await raw.read("/lost/applied")).data.toString()).toBe("v1");
    expect(sessionStatus(clusterId)).toMatchObject({ state: "connected", sessionId: session });
  });

  it("reports a write whose request was lost as not applied, and it never lands later", async () => {
    const lost = proxy.loseNext(OP.setData, "request");
    const s = save("/lost/dropped", "v1", 0);
    await lost;
    await sleep(300);
    proxy.cut();
    proxy.mode = "pass";
    const r = await s.done;
    expect(r).toMatchObject({ ok: false, error: { code: "CLUSTER_UNAVAILABLE", status: 503, message: expect.stringMatching(/read \/lost\/dropped back after reconnecting: the set was not applied, nothing changed/) } });
    expect(await auditEntryOfRequest(s.requestId)).toMatchObject({ outcome: "failed", error: expect.stringMatching(/was not applied/) });
    await sleep(1000);
    expect((await raw.read("/lost/dropped"))).toMatchObject({ stat: { version: 0 } });
  });

  it("answers a read whose connection drops as the rest of the outage does: CLUSTER_UNAVAILABLE, one code", async () => {
    await eventually(() => read("/lost"));
    const lost = proxy.loseNext(4 /* getData */, "request");
    const first = timed(read("/lost/applied"));
    await lost;
    proxy.mode = "refuse";
    proxy.cut(); // the read is on the wire when the link drops
    const later = await Promise.all([first, timed(read("/lost/applied"))]);
    for (const r of later) expect(r).toMatchObject({ ok: false, error: { code: "CLUSTER_UNAVAILABLE", status: 503, message: expect.stringMatching(/^cluster (unavailable|unreachable)/) } });
    expect((later[0] as { error: { message: string } }).error.message).not.toMatch(/may or may not have been applied/);
    proxy.mode = "pass";
    await eventually(() => read("/lost"), 20_000);
  });

  it("says 'may or may not have been applied' (audited unknown) when it cannot read back; a follow-up read decides; a stale edit gets a conflict", async () => {
    const seen = (await read("/lost/unknown")).stat.version; // an operator opened the node before the fault
    const lost = proxy.loseNext(OP.setData, "answer");
    const s = save("/lost/unknown", "v1", seen);
    await lost;
    await eventually(async () => expect((await raw.read("/lost/unknown")).stat.version).toBe(seen + 1), 10_000, 50);
    proxy.mode = "refuse"; // and the cluster stays out of reach past the session timeout
    proxy.cut();
    const r = await s.done;
    expect(r).toMatchObject({ ok: false, error: { code: "OUTCOME_UNKNOWN", status: 503, message: expect.stringMatching(/the set of \/lost\/unknown may or may not have been applied; reload it to check/) } });
    expect(r.ms).toBeLessThan(4000 * 2 + 2000); // hang guard: lost connection + the wait for a reconnect
    expect(await auditEntryOfRequest(s.requestId)).toMatchObject({ outcome: "unknown", error: expect.stringMatching(/may or may not have been applied/) });

    // While unreachable, reads answer 503 promptly rather than hanging.
    const down = await timed(read("/lost/unknown"));
    expect(down).toMatchObject({ ok: false, error: { status: 503 } });
    expect(down.ms).toBeLessThan(6000);

    proxy.mode = "pass";
    // The follow-up read decides: it was applied (exactly once).
    const after = await eventually(() => read("/lost/unknown"), 20_000);
    expect(after).toMatchObject({ data: { text: "v1" }, stat: { version: seen + 1 } });
    // The operator who still has the old version cannot overwrite it unseen.
    const stale = save("/lost/unknown", "stale", seen);
    expect(await stale.done).toMatchObject({ ok: false, error: { code: "BAD_VERSION", status: 409 } });
    expect((await raw.read("/lost/unknown")).data.toString()).toBe("v1");
  });

  it("a copy cut off for good reports exactly which znodes it created and which may or may not have been", async () => {
    const c = await raw.client();
    await c.create("/lost/src", Buffer.from("root"), 0);
    await createMany(c, "/lost/src", 300, (i) => `n-${i}`);
    await eventually(() => read("/lost")); // the console's session is back after the previous test
    const ctx = actorCtx("editor");
    let cut = false;
    const r = await timed(copySubtree({
      ctx, clusterId, input: { source: "/lost/src", target: "/lost/dst" }, batchOps: 40,
      onProgress: (p) => {
        if (!cut && p.phase === "writing" && p.done >= 80) {
          cut = true;
          proxy.mode = "refuse"; // gone, with the next batch on its way, for longer than the copy keeps retrying
          proxy.cut();
        }
      },
    }));
    proxy.mode = "pass";
    expect(r.ok).toBe(false);
    const err = (r as unknown as { error: { code: string; message: string; details: { created: number; createdPaths: string[]; uncertain: number; uncertainPaths: string[] } } }).error;
    expect(err).toMatchObject({ code: "PARTIAL_COPY", message: expect.stringMatching(/after creating 80 of 301 znodes under \/lost\/dst.*40 more may or may not have been created/) });
    const { created, createdPaths, uncertain, uncertainPaths } = err.details;
    expect(createdPaths).toHaveLength(created); // short enough to be listed in full
    expect([created, uncertain, uncertainPaths.length]).toEqual([80, 40, 40]); // whole batches of 40
    // ZooKeeper has every znode reported created, and nothing beyond created + uncertain.
    const there = new Set(["/lost/dst", ...(await c.children("/lost/dst")).children.map((n) => `/lost/dst/${n}`)]);
    for (const p of createdPaths) expect(there.has(p)).toBe(true);
    const reported = new Set([...createdPaths, ...uncertainPaths]);
    for (const p of there) expect(reported.has(p)).toBe(true);
    expect(await auditEntryOfRequest(ctx.requestId)).toMatchObject({ operation: "copy", outcome: "failed", error: err.message, details: expect.objectContaining({ created, uncertain }) });
  }, 60_000);
});
