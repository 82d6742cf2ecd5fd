// Two subtrees walked side by side, breadth first over the merged sorted child lists, reads
// pipelined: each node is read on the side(s) that listed it, compared and forgotten, so memory
// holds the paths still ahead of the walk, never either tree.
import type { AclEntry, RawStat, ZkClient } from "@/lib/core/zk/client";
import { isZkCode } from "@/lib/core/zk/errors";
import { joinPath } from "@/lib/core/zk/paths";
import { retryAfterConnectionLoss as again } from "@/lib/core/zk/retry";
import { pipelinedWalk } from "@/lib/znodes/bfs";

export type ReadNode = { data: Buffer; stat: RawStat; acl?: AclEntry[] };
/** A relative path ("/" the root) with what each side holds there (null: not there). */
export type NodePair = { path: string; left: ReadNode | null; right: ReadNode | null };
export type TreeSide = { client: ZkClient; root: string };

type Pending = { rel: string; inLeft: boolean; inRight: boolean };

const absolute = (root: string, rel: string) => (rel === "/" ? root : root === "/" ? rel : root + rel);

async function readNode(side: TreeSide, rel: string, withAcl: boolean): Promise<{ node: ReadNode; children: string[] } | null> {
  const path = absolute(side.root, rel);
  try {
    const { data, stat } = await again(() => side.client.get(path));
    const [acl, children] = await Promise.all([
      withAcl ? again(() => side.client.getAcl(path)).then((r) => r.acl) : undefined,
      stat.numChildren > 0 ? again(() => side.client.children(path)).then((r) => r.children) : [],
    ]);
    return { node: { data, stat, acl }, children };
  } catch (e) {
    if (isZkCode(e, "NO_NODE")) return null; // deleted meanwhile: only on the other side now
    throw e;
  }
}

/** Merge two child lists into sorted pending entries, each knowing which side has it. */
function merged(rel: string, left: string[], right: string[]): Pending[] {
  const l = [...left].sort();
  const r = [...right].sort();
  const out: Pending[] = [];
  let i = 0;
  let j = 0;
  while (i < l.length || j < r.length) {
    const name = j >= r.length || (i < l.length && l[i] < r[j]) ? l[i] : r[j];
    const inLeft = l[i] === name;
    const inRight = r[j] === name;
    if (inLeft) i++;
    if (inRight) j++;
    out.push({ rel: joinPath(rel, name), inLeft, inRight });
  }
  return out;
}

export function walkPair(left: TreeSide, right: TreeSide, opts: { withAcl: boolean; concurrency?: number }): AsyncGenerator<NodePair> {
  const visit = async ({ rel, inLeft, inRight }: Pending) => {
    const [l, r] = await Promise.all([inLeft ? readNode(left, rel, opts.withAcl) : null, inRight ? readNode(right, rel, opts.withAcl) : null]);
    if (!l && !r) return null;
    return { item: { path: rel, left: l?.node ?? null, right: r?.node ?? null }, next: merged(rel, l?.children ?? [], r?.children ?? []) };
  };
  return pipelinedWalk<Pending, NodePair>({ rel: "/", inLeft: true, inRight: true }, visit, opts.concurrency ?? 64);
}
