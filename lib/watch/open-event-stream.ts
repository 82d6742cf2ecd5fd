import "server-only";
import { z } from "zod";
import { onAccessChange } from "@/lib/access/actor-cache";
import { authorize } from "@/lib/access/permissions";
import { clusterOf, getCluster } from "@/lib/access/clusters";
import { errors } from "@/lib/core/errors";
import type { RequestCtx } from "@/lib/core/context";
import { validatePath } from "@/lib/core/zk/paths";
import { openLiveStream, type StreamLimits } from "./event-stream";
import { hubFor, watchedPathCount } from "./hub";
import { admitStream } from "./stream-limits";

export const MAX_PATHS_PER_STREAM = 50;

export const eventStreamInput = z.object({
  paths: z.array(z.string()).min(1, "at least one path query parameter is required: ?path=/a&path=/b"),
  lastEventId: z.string().max(100, "Last-Event-ID is longer than 100 characters").nullish(),
});

const SSE_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  // no-transform: a compressing proxy (or Next's own gzip) must not hold frames back.
  "Cache-Control": "no-store, no-transform",
  Connection: "keep-alive",
  "X-Accel-Buffering": "no",
};

/**
 * Live changes of up to 50 znodes as Server-Sent Events. Every path passes the read check and
 * the stream limits (stream-limits.ts) before the 200 goes out; the stream ends when the request
 * is aborted or the body cancelled, and, with a last `closed` event saying why, as soon as a change
 * of users or grants leaves the viewer without read access to any of its paths (disabled, sessions
 * revoked, grant removed).
 */
export async function openEventStream({ ctx, clusterId, input, signal, limits }: { ctx: RequestCtx; clusterId: string; input: unknown; signal?: AbortSignal; limits?: Partial<StreamLimits> }): Promise<Response> {
  const { paths: raw, lastEventId } = eventStreamInput.parse(input);
  const paths = [...new Set(raw.map(validatePath))];
  if (paths.length > MAX_PATHS_PER_STREAM) {
    throw errors.badRequest(`too many paths: one stream watches at most ${MAX_PATHS_PER_STREAM} znodes (this request names ${paths.length}); open a second stream for the rest`, { max: MAX_PATHS_PER_STREAM, got: paths.length });
  }
  const cluster = await clusterOf(ctx, clusterId);
  for (const path of paths) authorize(ctx.actor, "read", cluster, path);
  const hub = hubFor(cluster.id);
  // Limits before work: no watch is set for a stream past a limit.
  const release = admitStream(ctx.actor.id, paths.length, paths.filter((p) => !hub.watchOf(p)).length, watchedPathCount());
  const recheck = async () => {
    const why = await refusal(ctx, clusterId, paths);
    if (why) live.end(hub.closedEvent(why));
  };
  const stopRechecking = onAccessChange(() => void recheck());
  const closed = () => {
    stopRechecking();
    release();
  };
  let live: ReturnType<typeof openLiveStream>;
  try {
    live = openLiveStream({ hub, paths, lastEventId, signal, limits, onClose: closed });
  } catch (e) {
    closed();
    throw e;
  }
  return new Response(live.stream, { status: 200, headers: SSE_HEADERS });
}

/** Why the stream's viewer may no longer read its paths, or null while it may. */
async function refusal(ctx: RequestCtx, clusterId: string, paths: string[]): Promise<string | null> {
  try {
    const actor = await ctx.currentActor();
    if (!actor) return "your session or token has ended (the user was disabled, or its sessions or the token were revoked); sign in again";
    const cluster = await getCluster(clusterId);
    for (const path of paths) authorize(actor, "read", cluster, path);
    return null;
  } catch (e) {
    // Not allowed any more, the cluster is gone, or access cannot be checked now (database down):
    // end it; a reconnect is authorized afresh.
    return `your access changed: ${(e as Error).message}`;
  }
}
