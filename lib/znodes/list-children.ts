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
  locate: z.string().max(1024, "the child name to locate is longer than 1024 characters").optional(),
});

// Sorted child lists keyed by (cluster, session, path) and valid while the parent's cversion and
// pzxid are unchanged, so paging through 100k children lists and sorts once. Bounded by an
// estimate of their memory (oldest dropped first), not by a count: one 100k list is ~5 MB.
type Cached = { cversion: number; pzxid: number; names: string[]; bytes: number };
type Store = { entries: Map<string, Cached>; bytes: number };
const store: Store = ((globalThis as { __childrenCache?: Store }).__childrenCache ??= { entries: new Map(), bytes: 0 });
const CACHE_BUDGET_BYTES = 64 * 1024 * 1024;
// A JS string's header and the array slot, roughly, plus two bytes a character.
const sizeOf = (names: string[]) => names.reduce((sum, n) => sum + 32 + 2 * n.length, 64);

function forget(key: string): void {
  const old = store.entries.get(key);
  if (!old) return;
  store.entries.delete(key);
  store.bytes -= old.bytes;
}

function remember(key: string, entry: Cached): void {
  forget(key);
  if (entry.bytes > CACHE_BUDGET_BYTES) return;
  store.entries.set(key, entry);
  store.bytes += entry.bytes;
  while (store.bytes > CACHE_BUDGET_BYTES) forget(store.entries.keys().next().value!);
}

async function sortedChildren(ctx: RequestCtx, clusterId: string, path: string): Promise<string[]> {
  const { client, target } = await ctx.clusterSession(clusterId, path);
  // Per ZooKeeper session: a listing read with other credentials must not outlive them.
  const key = `${clusterId}\u0000${sessionStatus(clusterId).sessionId}\u0000${path}`;
  const stat = await client.exists(path);
  if (!stat) {
    forget(key);
    await client.children(path); // throws the typed NO_NODE error
  }
  const hit = store.entries.get(key);
  if (hit && stat && hit.cversion === stat.cversion && hit.pzxid === stat.pzxid) return hit.names;
  const { children, stat: fresh } = await client.children(path).catch(async (e) => {
    throw (isZkCode(e, "NO_AUTH") && (await explainNoAuth(client, target, "read", path))) || e;
  });
  const names = children.sort();
  remember(key, { cversion: fresh.cversion, pzxid: fresh.pzxid, names, bytes: sizeOf(names) });
  return names;
}

/** Where `name` is in a sorted list (the order of Array.prototype.sort: UTF-16 code units), or null. */
function indexIn(sorted: string[], name: string): number | null {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < name) lo = mid + 1;
    else hi = mid;
  }
  return sorted[lo] === name ? lo : null;
}

/**
 * One page of a znode's children (names only), sorted, optionally filtered by substring;
 * `locate` also answers where one child sits in that list (to reveal a deep link in its parent).
 */
export async function listChildrenPage({ ctx, clusterId, input }: { ctx: RequestCtx; clusterId: string; input: unknown }) {
  const q = childrenQuery.parse(input);
  const path = validatePath(q.path);
  const all = await sortedChildren(ctx, clusterId, path);
  const needle = q.filter.toLowerCase();
  const matching = needle ? all.filter((n) => n.toLowerCase().includes(needle)) : all;
  const index = q.locate === undefined ? null : indexIn(matching, q.locate);
  return { path, total: all.length, matched: matching.length, offset: q.offset, limit: q.limit, index, children: matching.slice(q.offset, q.offset + q.limit) };
}
