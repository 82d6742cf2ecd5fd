// Test support (vitest only: it opens streams through the server-only hub).
import { actorCtx } from "../support/actors";
import type { ZkClient } from "../../lib/core/zk/client";
import { openEventStream } from "../../lib/watch/index";
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
