import type { AclEntry, RawStat, ZkClient } from "@/lib/core/zk/client";
import { isZkCode } from "@/lib/core/zk/errors";
import { retryAfterConnectionLoss as again } from "@/lib/core/zk/retry";
import { pipelinedBfs } from "./bfs";

export type SubtreeNode = { path: string; relative: string; depth: number; stat: RawStat; data: Buffer; acl?: AclEntry[] };

export const relativeTo = (root: string, path: string) => (path === root ? "" : root === "/" ? path.slice(1) : path.slice(root.length + 1));

/**
 * A subtree's nodes with their data (and ACLs when asked), parents before children,
 * `concurrency` requests in flight. Pull-driven: a slow consumer (a slow download)
 * holds at most `concurrency` values in memory. Without `onUnreadable`, a node the console may not
 * read (NO_AUTH) ends the walk with that error.
 */
export function subtreeNodes(client: ZkClient, root: string, opts: { withAcl?: boolean; concurrency?: number; onUnreadable?: (path: string) => void } = {}): AsyncGenerator<SubtreeNode> {
  const visit = async (path: string, depth: number) => {
    try {
      // Reads are repeated after a lost connection (a leader election must not end a long copy or export).
      const { data, stat } = await again(() => client.get(path));
      const [acl, children] = await Promise.all([
        opts.withAcl ? again(() => client.getAcl(path)).then((r) => r.acl) : undefined,
        stat.numChildren > 0 ? again(() => client.children(path)).then((r) => r.children) : [],
      ]);
      return { item: { path, relative: relativeTo(root, path), depth, stat, data, acl }, children };
    } catch (e) {
      if (isZkCode(e, "NO_NODE")) return null; // deleted meanwhile
      // An ACL the console's identity may not read: the caller reports it (with its subtree, unseen) and goes on.
      if (opts.onUnreadable && isZkCode(e, "NO_AUTH")) {
        opts.onUnreadable(path);
        return null;
      }
      throw e;
    }
  };
  return pipelinedBfs(root, visit, opts.concurrency ?? 64);
}
