import type { RawStat, ZkClient } from "@/lib/core/zk/client";
import { isZkCode } from "@/lib/core/zk/errors";
import { pipelinedBfs } from "./bfs";

export type WalkedNode = { path: string; depth: number; stat: RawStat };

/** Every znode of a subtree (root included) with its Stat: one get_children2 per node, pipelined. */
export async function walkSubtree(client: ZkClient, root: string, opts: { concurrency?: number; limit?: number } = {}): Promise<WalkedNode[]> {
  const limit = opts.limit ?? 2_000_000;
  const out: WalkedNode[] = [];
  const visit = async (path: string, depth: number) => {
    try {
      const { children, stat } = await client.children(path);
      return { item: { path, depth, stat }, children };
    } catch (e) {
      if (isZkCode(e, "NO_NODE")) return null; // deleted meanwhile
      throw e;
    }
  };
  for await (const node of pipelinedBfs(root, visit, opts.concurrency ?? 64)) {
    out.push(node);
    if (out.length > limit) throw new Error(`the subtree under ${root} has more than ${limit} znodes`);
  }
  return out;
}
