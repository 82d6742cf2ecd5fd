// GET …/diff: two subtrees (same or different clusters) compared node by node, streamed as rows.
import "server-only";
import type { RequestCtx } from "@/lib/core/context";
import { validatePath } from "@/lib/core/zk/paths";
import { compareNodes } from "./compare-nodes";
import { diffQuery, type DiffDone, type DiffRow, type DiffSide } from "./schema";
import { walkPair, type NodePair, type TreeSide } from "./walk-pair";

const PROGRESS_EVERY_MS = 500;

/** Each side's session after the read check at its root, and the root's existence (404 before the stream). */
export async function openSide(ctx: RequestCtx, side: DiffSide): Promise<TreeSide> {
  const root = validatePath(side.path);
  const { client } = await ctx.clusterSession(side.clusterId, root);
  await client.get(root);
  return { client, root };
}

/** The walk of both sides as node pairs, both sides authorized and found first. */
export async function pairsOf(ctx: RequestCtx, input: { left: DiffSide; right: DiffSide; withAcl: boolean }): Promise<AsyncGenerator<NodePair>> {
  const [left, right] = await Promise.all([openSide(ctx, input.left), openSide(ctx, input.right)]);
  return walkPair(left, right, { withAcl: input.withAcl });
}

export async function diffTrees({ ctx, input }: { ctx: RequestCtx; input: unknown }): Promise<AsyncGenerator<DiffRow>> {
  const q = diffQuery.parse(input);
  const pairs = await pairsOf(ctx, { left: q.left, right: q.right, withAcl: q.acl });
  return rowsOf(pairs, q.maxNodes);
}

async function* rowsOf(pairs: AsyncGenerator<NodePair>, maxNodes: number): AsyncGenerator<DiffRow> {
  const done: DiffDone = { type: "done", compared: 0, added: 0, removed: 0, changed: 0, unchanged: 0, truncated: false };
  let lastProgress = Date.now();
  try {
    for await (const pair of pairs) {
      done.compared++;
      const row = compareNodes(pair);
      if (row) {
        done[row.type]++;
        yield row;
      } else done.unchanged++;
      if (done.compared >= maxNodes) return yield { ...done, truncated: true };
      if (Date.now() - lastProgress >= PROGRESS_EVERY_MS) {
        lastProgress = Date.now();
        yield { type: "progress", compared: done.compared };
      }
    }
    yield done;
  } finally {
    await pairs.return(undefined);
  }
}
