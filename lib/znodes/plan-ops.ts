// Znode writes as primitive ops (lib/access/mutations/ops.ts), planned against what is there now,
// so the mutation pipeline can hold them for review under a protected path. A version that is
// already stale is the same conflict a direct write gets: nothing is submitted.
import "server-only";
import { errors } from "@/lib/core/errors";
import { b64, type PlannedOp } from "@/lib/access/mutations";
import type { ZkClient } from "@/lib/core/zk/client";
import { joinPath, parentOf, segmentsOf } from "@/lib/core/zk/paths";
import { conflict } from "./conflict";
import { walkSubtree } from "./walk";

async function seenAt(client: ZkClient, path: string, version: number) {
  const current = await client.get(path);
  if (current.stat.version !== version) throw await conflict(client, path, version);
  return { data: b64(current.data), version };
}

export async function planSet(client: ZkClient, path: string, data: Buffer, version: number): Promise<PlannedOp[]> {
  return [{ op: "set", path, data: b64(data), version, base: await seenAt(client, path, version) }];
}

export async function planDelete(client: ZkClient, path: string, version: number): Promise<PlannedOp[]> {
  return [{ op: "delete", path, version, base: await seenAt(client, path, version) }];
}

/** The missing parents (when asked for) and the node itself; a sequential name is chosen by ZooKeeper at apply time. */
export async function planCreate(client: ZkClient, path: string, data: Buffer, flags: number, opts: { ttlMs?: number; createParents?: boolean; sequential?: boolean }): Promise<PlannedOp[]> {
  const ops: PlannedOp[] = [];
  let current = "/";
  for (const seg of segmentsOf(parentOf(path))) {
    current = joinPath(current, seg);
    if (await client.exists(current)) continue;
    if (!opts.createParents) throw errors.noParent(`the parent ${parentOf(path)} does not exist; create it first or tick "create parents"`);
    ops.push({ op: "create", path: current, data: "", flags: 0, base: null });
  }
  if (!opts.sequential && (await client.exists(path))) throw errors.targetExists(path);
  ops.push({ op: "create", path, data: b64(data), flags, ttlMs: opts.ttlMs, base: null });
  return ops;
}

/** Children before parents, each at the version the walk saw. */
export async function planDeleteSubtree(client: ZkClient, root: string): Promise<PlannedOp[]> {
  const nodes = await walkSubtree(client, root);
  if (nodes.length === 0) throw errors.noNode(root);
  return nodes.sort((a, b) => b.depth - a.depth).map((n) => ({ op: "delete", path: n.path, version: n.stat.version, base: { version: n.stat.version } }));
}
