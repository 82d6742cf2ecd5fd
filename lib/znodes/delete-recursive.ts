import "server-only";
import { z } from "zod";
import { ConsoleError, errors } from "@/lib/core/errors";
import { performMutation, type NodeGuard, type RequestCtx } from "@/lib/access/mutations";
import { validatePath } from "@/lib/core/zk/paths";
import { isZkCode } from "@/lib/core/zk/errors";
import type { ZkClient } from "@/lib/core/zk/client";
import { walkSubtree } from "./walk";
import { planDeleteSubtree } from "./plan-ops";

const PROTECTED = new Set(["/", "/zookeeper"]);

function refuseProtected(path: string) {
  if (PROTECTED.has(path)) throw errors.notRecursivelyDeletable(path);
}

/** What a recursive delete would remove: count, depth, sample paths. */
export async function previewSubtree({ ctx, clusterId, input }: { ctx: RequestCtx; clusterId: string; input: unknown }) {
  const path = validatePath(z.object({ path: z.string() }).parse(input).path);
  const client = (await ctx.clusterSession(clusterId, path)).client;
  const nodes = await walkSubtree(client, path);
  if (nodes.length === 0) throw errors.noNode(path);
  const depth = nodes.reduce((m, n) => Math.max(m, n.depth), 0);
  const deepest = [...nodes].sort((a, b) => b.depth - a.depth).slice(0, 5).map((n) => n.path);
  return { path, count: nodes.length, depth, samples: [...nodes.slice(0, 10).map((n) => n.path), ...deepest.filter((p) => !nodes.slice(0, 10).some((n) => n.path === p))], ephemerals: nodes.filter((n) => !/^0*$/.test(String(n.stat.ephemeralOwner))).length };
}

async function deleteBottomUp(client: ZkClient, root: string, touch: NodeGuard, concurrency = 32) {
  const nodes = await walkSubtree(client, root);
  touch(nodes.map((n) => ({ path: n.path, action: "delete" })));
  const byDepth = new Map<number, typeof nodes>();
  for (const n of nodes) byDepth.set(n.depth, [...(byDepth.get(n.depth) ?? []), n]);
  const deleted: string[] = [];
  for (const depth of [...byDepth.keys()].sort((a, b) => b - a)) {
    const level = byDepth.get(depth)!;
    let i = 0;
    await Promise.all(Array.from({ length: concurrency }, async () => {
      while (i < level.length) {
        const n = level[i++];
        try {
          // The version seen during the walk: a node changed meanwhile is not deleted unseen.
          await client.delete(n.path, n.stat.version);
          deleted.push(n.path);
        } catch (e) {
          if (isZkCode(e, "NO_NODE")) continue;
          throw Object.assign(e as Error, { partial: deleted.length });
        }
      }
    }));
  }
  return { deleted: deleted.length, found: nodes.length };
}

export async function deleteRecursive({ ctx, clusterId, path, confirm, reason }: { ctx: RequestCtx; clusterId: string; path: string; confirm?: string; reason?: string }) {
  refuseProtected(path);
  if (confirm !== path) throw errors.confirmationRequired(path);
  return performMutation({
    ctx, clusterId, operation: "delete_recursive", path, nodes: [{ path, action: "delete" }], reason,
    plan: (client) => planDeleteSubtree(client, path),
    run: async (client, _cluster, touch) => {
      try {
        return await deleteBottomUp(client, path, touch);
      } catch (e) {
        const partial = (e as { partial?: number }).partial ?? 0;
        const err = e instanceof ConsoleError && partial === 0 ? e : errors.partialDelete(path, partial, (e as Error).message);
        throw Object.assign(err, { details: { deleted: partial } });
      }
    },
    after: (r) => ({ details: r }),
  });
}
