import type { AclEntry, ZkClient } from "../zk/client";
import { joinPath } from "../zk/paths";
import { isZkCode } from "../zk/errors";

export type NodeToWrite = { relative: string; data: Buffer; acl?: AclEntry[] };

export const absolute = (root: string, relative: string) => (relative === "" ? root : relative.split("/").reduce(joinPath, root));

/**
 * Create nodes under `root`, parents strictly before children (by depth), with bounded concurrency.
 * Stops at the first failure and reports exactly which paths were created.
 */
export async function createTree(client: ZkClient, root: string, nodes: NodeToWrite[], opts: { concurrency?: number; skipExisting?: boolean; onProgress?: (done: number) => void } = {}) {
  const created: string[] = [];
  const byDepth = new Map<number, NodeToWrite[]>();
  for (const n of nodes) {
    const depth = n.relative === "" ? 0 : n.relative.split("/").length;
    if (!byDepth.has(depth)) byDepth.set(depth, []);
    byDepth.get(depth)!.push(n);
  }
  let done = 0;
  for (const depth of [...byDepth.keys()].sort((a, b) => a - b)) {
    const level = byDepth.get(depth)!;
    let i = 0;
    let failure: unknown = null;
    await Promise.all(Array.from({ length: opts.concurrency ?? 64 }, async () => {
      while (i < level.length && !failure) {
        const n = level[i++];
        const path = absolute(root, n.relative);
        try {
          await client.create(path, n.data, 0);
          // The binding creates world:anyone:cdrwa; the source's ACL is applied right after.
          if (n.acl) await client.setAcl(path, 0, n.acl);
          created.push(path);
        } catch (e) {
          if (!(opts.skipExisting && isZkCode(e, "NODE_EXISTS"))) failure = Object.assign(e as Error, { failedPath: path });
        }
        opts.onProgress?.(++done);
      }
    }));
    if (failure) throw Object.assign(failure as Error, { created });
  }
  return { created };
}
