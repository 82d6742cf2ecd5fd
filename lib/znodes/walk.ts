import type { RawStat, ZkClient } from "../zk/client";
import { joinPath } from "../zk/paths";

export type WalkedNode = { path: string; depth: number; stat: RawStat };

/** Breadth-first listing of a subtree (root included), a bounded number of requests in flight. */
export async function walkSubtree(client: ZkClient, root: string, opts: { concurrency?: number; limit?: number } = {}): Promise<WalkedNode[]> {
  const concurrency = opts.concurrency ?? 32;
  const limit = opts.limit ?? 2_000_000;
  const rootStat = await client.exists(root);
  if (!rootStat) return [];
  const out: WalkedNode[] = [{ path: root, depth: 0, stat: rootStat }];
  let cursor = 0;
  const worker = async () => {
    while (cursor < out.length) {
      const node = out[cursor++];
      if (node.stat.numChildren === 0) continue;
      let children: string[];
      try {
        ({ children } = await client.children(node.path));
      } catch (e) {
        if ((e as { code?: string }).code === "NO_NODE") continue; // deleted meanwhile
        throw e;
      }
      for (const name of children) {
        const path = joinPath(node.path, name);
        const stat = await client.exists(path);
        if (stat) out.push({ path, depth: node.depth + 1, stat });
        if (out.length > limit) throw new Error(`the subtree under ${root} has more than ${limit} znodes`);
      }
    }
  };
  // Workers stop when the queue is momentarily empty; loop until no worker found more work.
  let seen = -1;
  while (seen !== out.length) {
    seen = out.length;
    await Promise.all(Array.from({ length: concurrency }, worker));
  }
  return out;
}
