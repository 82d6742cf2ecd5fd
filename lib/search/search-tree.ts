// Search a subtree's names and values: a pipelined walk (bounded concurrency) that yields match
// rows as it finds them, bounded by maxNodes, the match limit and time. Grants hold on every node:
// a node the actor may not read is neither searched nor counted; the walk only passes through it
// towards a deeper prefix the actor may read.
import "server-only";
import type { RequestCtx } from "@/lib/core/context";
import type { ZkClient } from "@/lib/core/zk/client";
import { isZkCode } from "@/lib/core/zk/errors";
import { joinPath, validatePath } from "@/lib/core/zk/paths";
import { can, canSeeCluster, readablePrefixesBelow } from "@/lib/access/permissions";
import { clusterOf } from "@/lib/access/clusters";
import { errors } from "@/lib/core/errors";
import { prefixCovers } from "@/lib/access/roles";
import { pipelinedBfs } from "@/lib/znodes/bfs";
import { textOf } from "@/lib/znodes/format";
import { byteSnippetOf, matcherOf, MAX_SEARCHED_BYTES, snippetOf, type Matcher } from "./matcher";
import { searchQuery, type SearchDone, type SearchMatch, type SearchQuery, type SearchRow } from "./schema";

const CONCURRENCY = 64;
const PROGRESS_EVERY_MS = 500;

type Visited = { kind: "searched"; path: string; data: Buffer | null } | { kind: "through" } | { kind: "unreadable" };

const nameOf = (path: string) => path.slice(path.lastIndexOf("/") + 1);

/** Validates and authorizes before the first row, so a bad request is an ordinary JSON error. */
export async function searchTree({ ctx, clusterId, input }: { ctx: RequestCtx; clusterId: string; input: unknown }): Promise<AsyncGenerator<SearchRow>> {
  const q = searchQuery.parse(input);
  const root = validatePath(q.path);
  const matcher = matcherOf(q.q, q.regex);
  const cluster = await clusterOf(ctx, clusterId);
  if (!canSeeCluster(ctx.actor, cluster)) throw errors.clusterNotFound(clusterId);
  const readable = (path: string) => can(ctx.actor, "read", cluster, path);
  // No read at the root: a grant deeper down still lets the walk pass through towards it.
  const deeper = readable(root) ? [] : readablePrefixesBelow(ctx.actor, cluster, root);
  if (!readable(root) && deeper.length === 0) throw errors.forbidden("read", root, cluster.name);
  const { client } = await ctx.clusterSession(clusterId, readable(root) ? root : deeper[0]);
  await client.children(root); // NO_NODE is a 404 before the stream starts
  const leadsOn = (path: string) => readable(path) || deeper.some((p) => p !== path && prefixCovers(path, p));
  return rowsOf(client, root, q, matcher, readable, leadsOn);
}

async function* rowsOf(client: ZkClient, root: string, q: SearchQuery, matcher: Matcher, readable: (p: string) => boolean, leadsOn: (p: string) => boolean): AsyncGenerator<SearchRow> {
  const wantData = q.in !== "name";
  const visit = async (path: string) => {
    try {
      if (!readable(path)) {
        const { children } = await client.children(path);
        return { item: { kind: "through" } as Visited, children: children.filter((c) => leadsOn(joinPath(path, c))) };
      }
      if (!wantData) return { item: { kind: "searched", path, data: null } as Visited, children: (await client.children(path)).children };
      const { data, stat } = await client.get(path);
      const children = stat.numChildren > 0 ? (await client.children(path)).children : [];
      return { item: { kind: "searched", path, data } as Visited, children };
    } catch (e) {
      if (isZkCode(e, "NO_NODE")) return null; // deleted meanwhile
      if (isZkCode(e, "NO_AUTH")) return { item: { kind: "unreadable" } as Visited, children: [] };
      throw e;
    }
  };
  const deadline = Date.now() + q.maxMs;
  const done: SearchDone = { type: "done", visited: 0, matches: 0, truncated: false, skippedBinary: 0, unreadable: 0 };
  let lastProgress = Date.now();
  const walk = pipelinedBfs(root, visit, CONCURRENCY);
  try {
    for await (const node of walk) {
      if (node.kind === "through") continue;
      if (node.kind === "unreadable") {
        done.unreadable++;
        continue;
      }
      done.visited++;
      for (const m of matchesOf(node.path, node.data, q, matcher, done)) {
        yield m;
        if (++done.matches >= q.limit) return yield { ...done, truncated: true, stoppedBy: "limit" };
      }
      if (done.visited >= q.maxNodes) return yield { ...done, truncated: true, stoppedBy: "maxNodes" };
      if (Date.now() > deadline) return yield { ...done, truncated: true, stoppedBy: "time" };
      if (Date.now() - lastProgress >= PROGRESS_EVERY_MS) {
        lastProgress = Date.now();
        yield { type: "progress", visited: done.visited };
      }
    }
    yield done;
  } finally {
    await walk.return(undefined);
  }
}

function* matchesOf(path: string, data: Buffer | null, q: SearchQuery, matcher: Matcher, done: SearchDone): Generator<SearchMatch> {
  if (q.in !== "data" && path !== "/") {
    const name = nameOf(path);
    const hit = matcher.text(name);
    if (hit) yield { type: "match", path, in: "name", ...snippetOf(name, hit) };
  }
  if (!data || data.length === 0) return;
  const value = data.length > MAX_SEARCHED_BYTES ? data.subarray(0, MAX_SEARCHED_BYTES) : data;
  const text = textOf(value);
  if (text !== null) {
    const hit = matcher.text(text);
    if (hit) yield { type: "match", path, in: "data", ...snippetOf(text, hit) };
  } else if (!matcher.bytes) done.skippedBinary++;
  else {
    const hit = matcher.bytes(value);
    if (hit) yield { type: "match", path, in: "data", ...byteSnippetOf(value, hit), binary: true, offset: hit.start };
  }
}
