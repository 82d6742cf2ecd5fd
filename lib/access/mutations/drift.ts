// Before a list of planned operations (a change request) is applied at the versions it was planned
// against, every base is checked: a moved version is drift, and nothing is written. The ops then go
// through the op-list engine (apply-op-list.ts), each version-checked by ZooKeeper itself.
import "server-only";
import type { ZkClient } from "@/lib/core/zk/client";
import { isZkCode } from "@/lib/core/zk/errors";
import { b64, type PlannedOp } from "./ops";

/** A node that is no longer what an op was planned against, with what is there now. */
export type Drift = { path: string; op: PlannedOp["op"]; expected: number | "absent"; now: { version: number; data?: string; acl?: { scheme: string; auth: string; perms: number }[] } | null };

const MAX_DRIFT_LISTED = 200;
const MAX_DRIFT_VALUE = 64 * 1024;

async function driftOf(client: ZkClient, op: PlannedOp): Promise<Drift | null> {
  if (op.op === "create") {
    const now = await client.exists(op.path);
    return now ? { path: op.path, op: op.op, expected: "absent", now: { version: now.version } } : null;
  }
  if (op.op === "setAcl") {
    const now = await client.getAcl(op.path).catch((e) => (isZkCode(e, "NO_NODE") ? null : Promise.reject(e)));
    if (now && now.stat.aversion === op.aversion) return null;
    return { path: op.path, op: op.op, expected: op.aversion, now: now && { version: now.stat.aversion, acl: now.acl } };
  }
  const now = await client.get(op.path).catch((e) => (isZkCode(e, "NO_NODE") ? null : Promise.reject(e)));
  if (now && (op.version === -1 || now.stat.version === op.version)) return null;
  return { path: op.path, op: op.op, expected: op.version, now: now && { version: now.stat.version, ...(now.data.length <= MAX_DRIFT_VALUE ? { data: b64(now.data) } : {}) } };
}

/**
 * Every op whose base moved (reads only; bounded concurrency). Empty: the plan still holds. Only
 * the first op on each node has a live base: later ones were planned on what the earlier op leaves
 * (a create then its ACL, a delete then a create), and ZooKeeper checks those inside the apply.
 */
export async function findDrift(client: ZkClient, ops: PlannedOp[]): Promise<Drift[]> {
  const seenPaths = new Set<string>();
  const first = ops.filter((o) => !seenPaths.has(o.path) && seenPaths.add(o.path));
  const drift: Drift[] = [];
  let next = 0;
  await Promise.all(Array.from({ length: 32 }, async () => {
    while (next < first.length && drift.length < MAX_DRIFT_LISTED) {
      const op = first[next++];
      const d = await driftOf(client, op);
      if (d) drift.push(d);
    }
  }));
  return drift.sort((a, b) => a.path.localeCompare(b.path));
}
