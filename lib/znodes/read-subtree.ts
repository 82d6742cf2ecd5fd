import type { AclEntry, RawStat, ZkClient } from "../zk/client";
import { walkSubtree } from "./walk";

export type SubtreeNode = { path: string; relative: string; depth: number; stat: RawStat; data: Buffer; acl?: AclEntry[] };

export const relativeTo = (root: string, path: string) => (path === root ? "" : root === "/" ? path.slice(1) : path.slice(root.length + 1));

/**
 * A subtree's nodes with their data (and ACLs when asked) in walk order, parents before
 * children, with `concurrency` reads in flight ahead of the consumer. Pull-driven, so a
 * slow consumer (a slow download) holds at most `concurrency` values in memory.
 */
export async function* subtreeNodes(client: ZkClient, root: string, opts: { withAcl?: boolean; concurrency?: number } = {}): AsyncGenerator<SubtreeNode & { total: number }> {
  const walked = await walkSubtree(client, root);
  const concurrency = opts.concurrency ?? 64;
  const fetch = async (i: number): Promise<SubtreeNode | null> => {
    const w = walked[i];
    try {
      const { data, stat } = await client.get(w.path);
      const acl = opts.withAcl ? (await client.getAcl(w.path)).acl : undefined;
      return { path: w.path, relative: relativeTo(root, w.path), depth: w.depth, stat, data, acl };
    } catch (e) {
      if ((e as { code?: string }).code === "NO_NODE") return null; // deleted since the walk
      throw e;
    }
  };
  const pending = new Map<number, Promise<SubtreeNode | null>>();
  let next = 0;
  const fill = () => {
    while (next < walked.length && pending.size < concurrency) {
      const p = fetch(next);
      p.catch(() => {}); // surfaced when awaited in order
      pending.set(next++, p);
    }
  };
  fill();
  for (let i = 0; i < walked.length; i++) {
    const node = await pending.get(i)!;
    pending.delete(i);
    fill();
    if (node) yield { ...node, total: walked.length };
  }
}
