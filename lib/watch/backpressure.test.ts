// A viewer that stops reading costs a bounded amount of memory however many events it misses,
// and gets one resync when it reads again. Real ZooKeeper, thousands of real changes.
import { runInNewContext } from "node:vm";
import v8 from "node:v8";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCluster } from "../clusters/registry";
import { startEnsemble, type LocalEnsemble } from "../ensemble/launcher";
import type { ZkClient } from "@/lib/core/zk/client";
import { closeSession, getClient } from "@/lib/core/zk/sessions";
import { SseReader } from "@/test/watch/sse-reader";
import { configureWatchHub, DEFAULT_LIMITS, hubFor, openLiveStream, resetWatchHubOptions, type LiveStream } from ".";

v8.setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;
const MiB = 2 ** 20;
const rss = () => {
  gc();
  return process.memoryUsage().rss;
};

const STALLED = 200;
const CHANGES = 3000;
/** What the stalled streams may add to the process, all together (unbounded queues would need ~280 MiB here). */
const RSS_BOUND = 120 * MiB;

describe("a viewer that stops reading", () => {
  let zk: LocalEnsemble;
  let raw: ZkClient;
  let clusterId: string;

  beforeAll(async () => {
    configureWatchHub({ lingerMs: 0 });
    zk = await startEnsemble({ size: 1 });
    raw = await getClient({ id: "bp-raw", connectionString: zk.connectionString, sessionTimeoutMs: 15_000 });
    await raw.create("/bp", Buffer.from("0"), 0);
    clusterId = (await createCluster({ name: `bp-${Date.now()}`, connectionString: zk.connectionString })).id;
  });
  afterAll(async () => {
    resetWatchHubOptions();
    for (const id of [clusterId, "bp-raw"]) closeSession(id);
    await zk?.stopAll();
  });

  it(`keeps each stalled stream's queue under ${DEFAULT_LIMITS.maxQueuedBytes / 1024} KiB and the process under a bound while ${CHANGES} changes happen, then resyncs it`, async () => {
    const hub = hubFor(clusterId);
    // One viewer that reads, to count what was sent.
    const reading = new SseReader(openLiveStream({ hub, paths: ["/bp"] }).stream);
    await reading.waitFor((e) => e.type === "state" && e.state === "live");
    const baseline = rss();
    const eventsBefore = hub.counters.events;

    // STALLED viewers that never read a byte after opening.
    const stalled: LiveStream[] = Array.from({ length: STALLED }, () => openLiveStream({ hub, paths: ["/bp"] }));
    let version = 0;
    for (let i = 0; i < CHANGES; i++) version = (await raw.set("/bp", Buffer.from(`value ${i} `.padEnd(64, "x")), version)).version;
    await reading.waitFor((e) => e.type === "dataChanged" && e.stat?.version === version, { what: "the last change" });

    const produced = hub.counters.events - eventsBefore;
    const grown = rss() - baseline;
    const worst = Math.max(...stalled.map((s) => s.stats().maxQueuedBytes));
    console.log(`[backpressure] ${produced} events for ${STALLED} stalled streams; largest queue ${(worst / 1024).toFixed(0)} KiB; RSS +${(grown / MiB).toFixed(1)} MiB`);
    expect(produced).toBeGreaterThan(1000);
    for (const s of stalled) {
      const st = s.stats();
      expect(st.maxQueuedBytes).toBeLessThanOrEqual(DEFAULT_LIMITS.maxQueuedBytes);
      expect(st.queuedEvents).toBeLessThanOrEqual(DEFAULT_LIMITS.maxQueuedEvents);
      expect(st.overflows).toBeGreaterThanOrEqual(1);
    }
    expect(grown).toBeLessThan(RSS_BOUND);

    // Reading again: the skipped events are replaced by one resync, then events flow as before.
    const resumed = new SseReader(stalled[0].stream);
    const resync = await resumed.waitFor((e) => e.type === "resync", { what: "a resync" });
    expect(resync.path).toBeNull();
    expect(resumed.events.filter((e) => e.type === "dataChanged")).toHaveLength(0);
    const next = (await raw.set("/bp", Buffer.from("after"), version)).version;
    expect((await resumed.waitFor((e) => e.type === "dataChanged")).stat?.version).toBe(next);
    expect(resumed.events.filter((e) => e.type === "resync")).toHaveLength(1);

    await Promise.all([reading.cancel(), resumed.cancel(), ...stalled.slice(1).map((s) => s.stream.cancel())]);
    expect(hub.watchOf("/bp")).toBeUndefined();
  });
});
