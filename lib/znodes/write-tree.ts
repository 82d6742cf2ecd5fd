import type { AclEntry, ZkClient } from "@/lib/core/zk/client";
import { joinPath } from "@/lib/core/zk/paths";
import { isOutcomeUnknown, isZkCode } from "@/lib/core/zk/errors";
import { retryAfterConnectionLoss } from "@/lib/core/zk/retry";

export type NodeToWrite = { relative: string; data: Buffer; acl?: AclEntry[] };

export const absolute = (root: string, relative: string) => (relative === "" ? root : relative.split("/").reduce(joinPath, root));

const sameAcl = (a: AclEntry[], b: AclEntry[]) => JSON.stringify(a.map((e) => [e.scheme, e.auth, e.perms])) === JSON.stringify(b.map((e) => [e.scheme, e.auth, e.perms]));

/**
 * Create one node (and set its ACL), sent again after a lost connection. A repeated create that
 * finds the node already there with our bytes is our lost attempt that landed; the same for an
 * ACL already at version 1 and equal to ours.
 */
async function createOne(client: ZkClient, path: string, n: NodeToWrite, onCreated: () => void): Promise<void> {
  await retryAfterConnectionLoss(async (attempt) => {
    try {
      await client.create(path, n.data, 0);
    } catch (e) {
      if (attempt > 1 && isZkCode(e, "NODE_EXISTS") && (await client.get(path)).data.equals(n.data)) return;
      throw e;
    }
  });
  onCreated();
  // The binding creates world:anyone:cdrwa; the source's ACL is applied right after.
  const acl = n.acl;
  if (!acl) return;
  await retryAfterConnectionLoss(async (attempt) => {
    try {
      await client.setAcl(path, 0, acl);
    } catch (e) {
      if (attempt > 1 && isZkCode(e, "BAD_VERSION")) {
        const now = await client.getAcl(path);
        if (now.stat.aversion === 1 && sameAcl(now.acl, acl)) return;
      }
      throw e;
    }
  });
}

/**
 * Create nodes under `root`, parents strictly before children (by depth), with bounded concurrency.
 * Stops at the first failure and reports exactly which paths were created, and which may or may
 * not have been (their answer was lost with the connection).
 */
export async function createTree(client: ZkClient, root: string, nodes: NodeToWrite[], opts: { concurrency?: number; skipExisting?: boolean; onProgress?: (done: number) => void } = {}) {
  const created: string[] = [];
  const uncertain: string[] = [];
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
          await createOne(client, path, n, () => created.push(path));
        } catch (e) {
          if (isOutcomeUnknown(e)) uncertain.push(path);
          if (!(opts.skipExisting && isZkCode(e, "NODE_EXISTS"))) failure ??= Object.assign(e as Error, { failedPath: path });
        }
        opts.onProgress?.(++done);
      }
    }));
    if (failure) throw Object.assign(failure as Error, { created, uncertain });
  }
  return { created };
}
