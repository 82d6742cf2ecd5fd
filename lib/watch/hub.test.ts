// The watch hub and its SSE streams against a real ZooKeeper and SQLite: one ZooKeeper watch
// however many viewers, fan-out, node and child events, resume, release, isolation.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCluster } from "../clusters/registry";
import { startEnsemble, type LocalEnsemble } from "../ensemble/launcher";
import { freePorts } from "../ensemble/ports";
import { actorCtx } from "@/test/support/actors";
import type { ZkClient } from "@/lib/core/zk/client";
import { closeSession, getClient, sessionStatus } from "@/lib/core/zk/sessions";
import { SseReader } from "@/test/watch/sse-reader";
import { dataWatchesBySession, hexSession, requestsReceived } from "@/test/watch/viewer-model";
import { configureWatchHub, existingHub, openEventStream, resetWatchHubOptions } from ".";
import { eventually, sleep } from "@/test/support/eventually";


describe("the watch hub against a real ZooKeeper", () => {
  let zk: LocalEnsemble;
  let raw: ZkClient;
  let clusterId: string;
  const readers: SseReader[] = [];

  const open = async (paths: string[], opts: { lastEventId?: string; signal?: AbortSignal } = {}) => {
    const res = await openEventStream({ ctx: actorCtx("viewer"), clusterId, input: { paths, lastEventId: opts.lastEventId }, signal: opts.signal });
    expect(res.status).toBe(200);
    const reader = new SseReader(res.body!);
    readers.push(reader);
    await reader.waitFor((e) => e.type === "state", { what: "the first state event" });
    return reader;
  };

  beforeAll(async () => {
    // One actor opens every stream here (50 at once among them): the per-user limit is not the subject.
    process.env.LIVE_STREAMS_PER_USER = "1000";
    configureWatchHub({ lingerMs: 0 });
    zk = await startEnsemble({ size: 1 });
    raw = await getClient({ id: "hub-raw", connectionString: zk.connectionString, sessionTimeoutMs: 15_000 });
    for (const p of ["/live", "/live/fan", "/live/tree", "/live/resume", "/live/gone"]) await raw.create(p, Buffer.from("v0"), 0);
    clusterId = (await createCluster({ name: `live-${Date.now()}`, connectionString: zk.connectionString })).id;
  });
  afterAll(async () => {
    await Promise.all(readers.map((r) => r.cancel()));
    resetWatchHubOptions();
    for (const id of [clusterId, "hub-raw"]) closeSession(id);
    await sleep(50);
    await zk?.stopAll();
  });

  it("50 streams on one path cost ONE data watch and one child watch, and all 50 see a change", async () => {
    const member = zk.members[0];
    // The console's session exists before the streams open (as it does once a page has read the node).
    const first = await open(["/live/fan"]);
    const session = hexSession(sessionStatus(clusterId).sessionId);
    const before = await requestsReceived(member, session);
    const rest = await Promise.all(Array.from({ length: 49 }, () => open(["/live/fan"])));
    const all = [first, ...rest];
    const after = await requestsReceived(member, session);
    // 49 more viewers sent (almost) nothing to ZooKeeper: a watch per viewer would be ≥ 98 requests.
    expect(after! - before!).toBeLessThanOrEqual(2);

    const watches = await dataWatchesBySession(member);
    expect(watches.get(session)).toEqual(["/live/fan"]);
    const hub = existingHub(clusterId)!;
    expect(hub.watchedPaths).toEqual(["/live/fan"]);
    expect(hub.watchOf("/live/fan")!.viewers).toBe(50);
    expect(hub.watchOf("/live/fan")!.armed).toEqual({ data: true, children: true });

    const mark = all.map((r) => r.events.length);
    const stat = await raw.set("/live/fan", Buffer.from("v1"), 0);
    const got = await Promise.all(all.map((r, i) => r.waitFor((e) => e.type === "dataChanged" && e.path === "/live/fan", { from: mark[i] })));
    for (const e of got) expect(e.stat).toMatchObject({ version: stat.version, mzxid: "0x" + stat.mzxid.toString(16) });
    expect(new Set(got.map((e) => e.id)).size).toBe(1); // one event, fanned out
    // Re-armed once, still one watch.
    await eventually(async () => expect((await dataWatchesBySession(member)).get(session)).toEqual(["/live/fan"]));

    // The last viewer leaving releases the path: the watch fires once more and is not re-armed.
    await Promise.all(all.map((r) => r.cancel()));
    expect(hub.watchOf("/live/fan")).toBeUndefined();
    await raw.set("/live/fan", Buffer.from("v2"), stat.version);
    await eventually(async () => expect((await dataWatchesBySession(member)).get(session) ?? []).toEqual([]));
  });

  it("tells viewers about created and deleted nodes and names added and removed children", async () => {
    const r = await open(["/live/tree", "/live/tree/new"]);
    await raw.create("/live/tree/new", Buffer.from("x"), 0);
    const created = await r.waitFor((e) => e.type === "created" && e.path === "/live/tree/new");
    expect(created.stat).toMatchObject({ version: 0, dataLength: 1 });
    const added = await r.waitFor((e) => e.type === "childrenChanged" && e.path === "/live/tree");
    expect(added.children).toEqual({ added: ["new"], removed: [] });
    expect(added.stat?.numChildren).toBe(1);

    const mark = r.events.length;
    await raw.delete("/live/tree/new", 0);
    await r.waitFor((e) => e.type === "deleted" && e.path === "/live/tree/new", { from: mark });
    const removed = await r.waitFor((e) => e.type === "childrenChanged" && e.path === "/live/tree", { from: mark });
    expect(removed.children).toEqual({ added: [], removed: ["new"] });
    // Created again: the watch on the missing path was kept armed.
    await raw.create("/live/tree/new", Buffer.from("again"), 0);
    await r.waitFor((e) => e.type === "created" && e.path === "/live/tree/new", { from: mark });
    await r.cancel();
  });

  it("resumes from Last-Event-ID out of the ring buffer, and resyncs when it cannot", async () => {
    configureWatchHub({ lingerMs: 60_000 }); // the path stays watched between the two streams
    try {
      const first = await open(["/live/resume"]);
      const v0 = await raw.set("/live/resume", Buffer.from("a"), 0);
      await first.waitFor((e) => e.type === "dataChanged" && e.stat?.version === v0.version);
      const lastId = first.lastId!;
      await first.cancel();
      // Changes while nobody reads: kept in the ring.
      const v1 = await raw.set("/live/resume", Buffer.from("b"), v0.version);
      await raw.create("/live/resume/kid", Buffer.from(""), 0);
      await eventually(() => expect(existingHub(clusterId)!.watchOf("/live/resume")!.latest?.numChildren).toBe(1));

      const resumed = await open(["/live/resume"], { lastEventId: lastId });
      const replay = await resumed.waitFor((e) => e.type === "dataChanged" && e.path === "/live/resume");
      expect(replay.stat?.version).toBe(v1.version);
      await resumed.waitFor((e) => e.type === "childrenChanged" && e.path === "/live/resume");
      expect(resumed.events.some((e) => e.type === "resync")).toBe(false);

      // An id from another server instance (or evicted from the ring): the current state instead.
      const foreign = await open(["/live/resume"], { lastEventId: "deadbeef.12" });
      const resync = await foreign.waitFor((e) => e.type === "resync" && e.path === "/live/resume");
      expect(resync.stat).toMatchObject({ version: v1.version, numChildren: 1 });
      await Promise.all([resumed.cancel(), foreign.cancel()]);
    } finally {
      configureWatchHub({ lingerMs: 0 });
    }
  });

  it("releases the viewer on request abort as well as on cancel", async () => {
    const abort = new AbortController();
    await open(["/live/gone"], { signal: abort.signal });
    expect(existingHub(clusterId)!.watchOf("/live/gone")?.viewers).toBe(1);
    abort.abort();
    expect(existingHub(clusterId)?.watchOf("/live/gone")).toBeUndefined();
  });

  it("keeps serving one cluster while another is unreachable", async () => {
    const [port] = await freePorts(1);
    const deadId = (await createCluster({ name: `dead-${Date.now()}`, connectionString: `127.0.0.1:${port}`, sessionTimeoutMs: 2000 })).id;
    const res = await openEventStream({ ctx: actorCtx("viewer"), clusterId: deadId, input: { paths: ["/x"] } });
    expect(res.status).toBe(200); // the stream opens and reports the state; it does not fail the request
    const dead = new SseReader(res.body!);
    await dead.waitFor((e) => e.type === "state" && e.state === "reconnecting", { what: "a reconnecting state" });

    const alive = await open(["/live"]);
    const stat = await raw.set("/live", Buffer.from("still here"), 0);
    expect((await alive.waitFor((e) => e.type === "dataChanged" && e.path === "/live")).stat?.version).toBe(stat.version);
    await Promise.all([dead.cancel(), alive.cancel()]);
    closeSession(deadId);
  });
});
