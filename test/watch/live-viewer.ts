// Test support (vitest only: it opens streams through the server-only hub).
import { expect } from "vitest";
import { actorCtx } from "../support/actors";
import { eventually } from "../support/eventually";
import type { ZkClient } from "../../lib/core/zk/client";
import { existingHub, openEventStream } from "../../lib/watch/index";
import { SseReader } from "./sse-reader";
import { ViewerModel } from "./viewer-model";

export type LiveViewer = { reader: SseReader; data: ViewerModel; dir: ViewerModel };

/** A browser-like viewer of a node (`dataPath`) and its parent listing (`dirPath`), live once it returns. */
export async function openLiveViewer(clusterId: string, dirPath: string, dataPath: string, raw: () => Promise<ZkClient>): Promise<LiveViewer> {
  const res = await openEventStream({ ctx: actorCtx("viewer"), clusterId, input: { paths: [dirPath, dataPath] } });
  const data = new ViewerModel(dataPath, raw);
  const dir = new ViewerModel(dirPath, raw);
  await Promise.all([data.load(), dir.load()]);
  const reader = new SseReader(res.body!, (e) => { data.feed(e); dir.feed(e); });
  await reader.waitFor((e) => e.type === "state" && e.state === "live");
  return { reader, data, dir };
}

/**
 * Until the hub is live again and every viewer shows `version` of its node and `children` of its
 * listing (what ZooKeeper has); `also` adds a check per viewer.
 */
export async function viewersShow(clusterId: string, viewers: LiveViewer[], want: { version: number; children: string[] }, also: (v: LiveViewer) => void = () => {}) {
  await eventually(async () => {
    expect(existingHub(clusterId)?.liveState).toBe("live");
    for (const v of viewers) {
      await Promise.all([v.data.settled(), v.dir.settled()]);
      expect(v.data.version).toBe(want.version);
      expect([...v.dir.children].sort()).toEqual(want.children);
      also(v);
    }
  }, 45_000, 200);
}
