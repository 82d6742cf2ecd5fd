import "server-only";
import { z } from "zod";
import { validatePath } from "@/lib/core/zk/paths";
import type { RequestCtx } from "@/lib/core/context";
import { sessionStatus } from "@/lib/core/zk/sessions";
import { isZkCode } from "@/lib/core/zk/errors";
import { explainNoAuth } from "@/lib/access/explain-no-auth";

export const childrenQuery = z.object({
  path: z.string({ required_error: "the path query parameter is required" }),
  offset: z.coerce.number().int().min(0, "offset must be 0 or more").max(10_000_000).default(0),
  limit: z.coerce.number().int().min(1, "limit must be at least 1").max(1000, "limit must be at most 1000").default(200),
  filter: z.string().max(256, "the filter is longer than 256 characters").default(""),
});

// Sorted child lists keyed by (cluster, path) and valid while the parent's
// cversion/pzxid are unchanged, so paging through 100k children lists once.
type Cached = { cversion: number; pzxid: number; names: string[] };
const cache: Map<string, Cached> = ((globalThis as { __childrenCache?: Map<string, Cached> }).__childrenCache ??= new Map());
const CACHE_ENTRIES = 32;

async function sortedChildren(ctx: RequestCtx, clusterId: string, path: string): Promise<string[]> {
  const { client, target } = await ctx.clusterSession(clusterId, path);
  // Per ZooKeeper session: a listing read with other credentials must not outlive them.
  const key = `${clusterId}\u0000${sessionStatus(clusterId).sessionId}\u0000${path}`;
  const stat = await client.exists(path);
  if (!stat) {
    cache.delete(key);
    await client.children(path); // throws the typed NO_NODE error
  }
  const hit = cache.get(key);
  if (hit && stat && hit.cversion === stat.cversion && hit.pzxid === stat.pzxid) return hit.names;
  const { children, stat: fresh } = await client.children(path).catch(async (e) => {
    throw (isZkCode(e, "NO_AUTH") && (await explainNoAuth(client, target, "read", path))) || e;
  });
  const names = children.sort();
  cache.delete(key);
  cache.set(key, { cversion: fresh.cversion, pzxid: fresh.pzxid, names });
  if (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
  return names;
}

/** One page of a znode's children (names only), sorted, optionally filtered by substring. */
export async function listChildrenPage({ ctx, clusterId, input }: { ctx: RequestCtx; clusterId: string; input: unknown }) {
  const q = childrenQuery.parse(input);
  const path = validatePath(q.path);
  const all = await sortedChildren(ctx, clusterId, path);
  const needle = q.filter.toLowerCase();
  const matching = needle ? all.filter((n) => n.toLowerCase().includes(needle)) : all;
  return { path, total: all.length, matched: matching.length, offset: q.offset, limit: q.limit, children: matching.slice(q.offset, q.offset + q.limit) };
}
