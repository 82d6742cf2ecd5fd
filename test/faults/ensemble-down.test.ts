// FAULT: the whole ensemble of one cluster stops. Reads and writes of that cluster answer
// "cluster unavailable" (503) within about the session timeout and then at once, never hang;
// other clusters are served as before; live viewers hear "reconnecting"; when the ensemble is
// started again everything recovers without touching the console.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEntryOfRequest } from "../../lib/audit/query";
import { createCluster } from "../../lib/clusters/registry";
import { startEnsemble, waitServing, type LocalEnsemble } from "../../lib/ensemble/launcher";
import { getClusterHealth } from "../../lib/health/get-cluster-health";
import { actorCtx } from "../support/actors";
import { SseReader } from "../watch/sse-reader";
import { configureWatchHub, existingHub, openEventStream, resetWatchHubOptions } from "../../lib/watch";
import { closeSession } from "../../lib/core/zk/sessions";
import { getNode, listChildrenPage, setData } from "../../lib/znodes";
import { eventually, rawClient, sleep, timed } from "./support";

const TIMEOUT = 4000;

describe("a whole ensemble stopped and started again", () => {
  let down: LocalEnsemble;
  let other: LocalEnsemble;
  let downId: string;
  let otherId: string;
  let viewer: SseReader;

  beforeAll(async () => {
    configureWatchHub({ lingerMs: 0, retryMinMs: 200, retryMaxMs: 2000 });
    [down, other] = await Promise.all([startEnsemble({ size: 3, tickTime: 1000 }), startEnsemble({ size: 1 })]);
    await waitServing(down.members, 3);
    for (const [zk, id] of [[down, "down-setup"], [other, "other-setup"]] as const) {
      const c = await rawClient(zk, id).client();
      await c.create("/svc", Buffer.from("v0"), 0);
      closeSession(id);
    }
    downId = (await createCluster({ name: `down-${Date.now()}`, connectionString: down.connectionString, sessionTimeoutMs: TIMEOUT })).id;
    otherId = (await createCluster({ name: `other-${Date.now()}`, connectionString: other.connectionString, sessionTimeoutMs: TIMEOUT })).id;
    const res = await openEventStream({ ctx: actorCtx("viewer"), clusterId: downId, input: { paths: ["/svc"] } });
    viewer = new SseReader(res.body!);
    await viewer.waitFor((e) => e.type === "state" && e.state === "live");
  });
  afterAll(async () => {
    await viewer?.cancel();
    resetWatchHubOptions();
    for (const id of [downId, otherId]) if (id) closeSession(id);
    await sleep(50);
    await Promise.all([down?.stopAll(), other?.stopAll()]);
  });

  it("answers 503 within the session timeout, then at once, serves the other cluster, and recovers on restart", async () => {
    const read = (clusterId: string) => getNode({ ctx: actorCtx("viewer"), clusterId, input: { path: "/svc" } });
    const mark = viewer.events.length;
    await down.stopAll();

    // The first requests wait for a reconnect at most the session timeout; all answer 503.
    const first = await Promise.all(Array.from({ length: 20 }, () => timed(read(downId))));
    for (const r of first) {
      expect(r).toMatchObject({ ok: false, error: { code: "CLUSTER_UNAVAILABLE", status: 503 } });
      expect(r.ms).toBeLessThan(TIMEOUT + 2000); // hang guard
    }
    // From then on at once: reads, listings, writes (refused before anything is written, and audited so).
    const page = await timed(listChildrenPage({ ctx: actorCtx("viewer"), clusterId: downId, input: { path: "/" } }));
    expect(page).toMatchObject({ ok: false, error: { status: 503 } });
    expect(page.ms).toBeLessThan(1000);
    const ctx = actorCtx("editor");
    const write = await timed(setData({ ctx, clusterId: downId, path: "/svc", input: { data: "v1", version: 0 } }));
    expect(write).toMatchObject({ ok: false, error: { code: "CLUSTER_UNAVAILABLE", status: 503, message: expect.stringMatching(/unreachable|unavailable/) } });
    expect(write.ms).toBeLessThan(1000);
    expect(await auditEntryOfRequest(ctx.requestId)).toMatchObject({ outcome: "failed", operation: "set" });

    // Health answers too, with every member down.
    const health = await timed(getClusterHealth({ ctx: actorCtx("viewer"), clusterId: downId }));
    expect(health.ok).toBe(true);
    expect(health.ms).toBeLessThan(TIMEOUT + 4000);

    // The other cluster does not notice.
    for (let i = 0; i < 10; i++) expect((await read(otherId)).data.text).toBe("v0");
    await setData({ ctx: actorCtx("editor"), clusterId: otherId, path: "/svc", input: { data: "v1", version: 0 } });

    await viewer.waitFor((e) => e.type === "state" && e.state === "reconnecting", { from: mark });
    expect(existingHub(downId)?.liveState).toBe("reconnecting");

    // Started again: the console recovers by itself (no restart, no closeSession).
    for (const m of down.members) await down.start(m.id);
    await waitServing(down.members, 2);
    const back = await eventually(() => read(downId), 30_000, 250);
    expect(back.data.text).toBe("v0");
    await setData({ ctx: actorCtx("editor"), clusterId: downId, path: "/svc", input: { data: "v1", version: back.stat.version } });
    await viewer.waitFor((e) => e.type === "dataChanged" && e.path === "/svc", { from: mark, timeoutMs: 30_000 });
    expect(existingHub(downId)?.liveState).toBe("live");
  }, 120_000);
});
