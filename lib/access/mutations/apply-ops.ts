// Applying a list of planned operations (a change request) at the versions they were planned
// against: first every base is checked (a moved version is drift: nothing is written), then the ops
// run in order, each version-checked by ZooKeeper itself.
import "server-only";
import type { ZkClient } from "@/lib/core/zk/client";
import { errors } from "@/lib/core/errors";
import { isZkCode } from "@/lib/core/zk/errors";
import type { TouchedNode } from "./authorize";
import { b64, fromB64, type PlannedOp } from "./ops";

/** A node that is no longer what an op was planned against, with what is there now. */
export type Drift = { path: string; op: PlannedOp["op"]; expected: number | "absent"; now: { version: number; data?: string; acl?: { scheme: string; auth: string; perms: number }[] } | null };

const MAX_DRIFT_LISTED = 200;
const MAX_DRIFT_VALUE = 64 * 1024;

async function driftOf(client: ZkClient, op: PlannedOp, createdEarlier: Set<string>): Promise<Drift | null> {
  if (op.op === "create") {
    if (createdEarlier.has(op.path)) return null;
    const now = await client.exists(op.path);
    return now ? { path: op.path, op: op.op, expected: "absent", now: { version: now.version } } : null;
  }
  if (op.op === "setAcl") {
    if (createdEarlier.has(op.path)) return null;
    const now = await client.getAcl(op.path).catch((e) => (isZkCode(e, "NO_NODE") ? null : Promise.reject(e)));
    if (now && now.stat.aversion === op.aversion) return null;
    return { path: op.path, op: op.op, expected: op.aversion, now: now && { version: now.stat.aversion, acl: now.acl } };
  }
  const now = await client.get(op.path).catch((e) => (isZkCode(e, "NO_NODE") ? null : Promise.reject(e)));
  if (now && (op.version === -1 || now.stat.version === op.version)) return null;
  return { path: op.path, op: op.op, expected: op.version, now: now && { version: now.stat.version, ...(now.data.length <= MAX_DRIFT_VALUE ? { data: b64(now.data) } : {}) } };
}

/** Every op whose base moved (reads only; bounded concurrency). Empty: the plan still holds. */
export async function findDrift(client: ZkClient, ops: PlannedOp[]): Promise<Drift[]> {
  const createdEarlier = new Set(ops.filter((o) => o.op === "create").map((o) => o.path));
  const drift: Drift[] = [];
  let next = 0;
  await Promise.all(Array.from({ length: 32 }, async () => {
    while (next < ops.length && drift.length < MAX_DRIFT_LISTED) {
      const op = ops[next++];
      const d = await driftOf(client, op, op.op === "create" ? new Set() : createdEarlier);
      if (d) drift.push(d);
    }
  }));
  return drift.sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * Run the ops in order. Names ZooKeeper chooses (sequential nodes) are authorized with `touch`
 * before anything is written under them. A failure stops at that op, annotated with how many were applied.
 */
export async function applyOps(client: ZkClient, ops: PlannedOp[], touch: (nodes: TouchedNode[]) => void = () => {}) {
  const created: string[] = [];
  let applied = 0;
  try {
    for (const op of ops) {
      if (op.op === "create") {
        const path = await client.create(op.path, fromB64(op.data), op.flags, op.ttlMs);
        if (path !== op.path) touch([{ path, action: "create" }]);
        created.push(path);
        if (op.acl) await client.setAcl(path, 0, op.acl);
      } else if (op.op === "set") await client.set(op.path, fromB64(op.data), op.version);
      else if (op.op === "delete") await client.delete(op.path, op.version);
      else if (op.op === "setAcl") await client.setAcl(op.path, op.aversion, op.acl);
      else {
        const now = await client.exists(op.path);
        if (!now) throw errors.deletedMeanwhile(op.path);
        if (op.version !== -1 && now.version !== op.version) throw errors.staleVersion(op.path, op.version, { expectedVersion: op.version }, now.version);
      }
      applied++;
    }
  } catch (e) {
    throw Object.assign(e as Error, { applied, failedOp: ops[applied] });
  }
  return { applied, created };
}
