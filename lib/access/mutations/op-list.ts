// The primitive operations every bulk change is made of (a multi, a move, an import, a promoted
// plan, an approved change request): what each touches, and how a list of them is cut into
// batches that ZooKeeper applies all or nothing (one `multi` request each).
import type { AclEntry } from "@/lib/core/zk/client";
import { parentOf } from "@/lib/core/zk/paths";
import { toRules } from "@/lib/core/zk/acl-ids";
import { opRequestBytes } from "@/lib/core/zk/request-size";
import { CREATED_ACL, type TouchedNode } from "./authorize";

/**
 * Versions are the ones the caller saw (a stale one fails the op); a setAcl's is the ACL version,
 * and `current` the ACL the caller saw there (for the lockout guard; read when left out).
 */
export type PrimitiveOp =
  | { op: "create"; path: string; data?: Buffer; flags?: number; ttlMs?: number; acl?: AclEntry[] }
  | { op: "set"; path: string; data: Buffer; version: number }
  | { op: "delete"; path: string; version: number }
  | { op: "setAcl"; path: string; acl: AclEntry[]; version: number; current?: AclEntry[] }
  | { op: "check"; path: string; version: number };

export type OpName = PrimitiveOp["op"];

// CreateMode bits: persistent_sequential, ephemeral_sequential, persistent_sequential_ttl.
const SEQUENTIAL_FLAGS = new Set([2, 3, 6]);

export const isSequentialCreate = (op: PrimitiveOp) => op.op === "create" && SEQUENTIAL_FLAGS.has(op.flags ?? 0);

/**
 * Every node the ops write, with its action (an ACL with the ACL it sets). ZooKeeper chooses a
 * sequential node's name, so that create is authorized on its parent: a grant that covers the
 * parent covers every name under it. Checks only read: they are authorized as reads (checkedPaths).
 */
export function touchedNodes(ops: PrimitiveOp[]): TouchedNode[] {
  const nodes: TouchedNode[] = [];
  for (const op of ops) {
    if (op.op === "check") continue;
    if (op.op === "setAcl") {
      nodes.push({ path: op.path, action: "set_acl", acl: toRules(op.acl), ...(op.current ? { current: toRules(op.current) } : {}) });
      continue;
    }
    if (op.op === "create" && op.acl) nodes.push({ path: op.path, action: "set_acl", acl: toRules(op.acl), current: CREATED_ACL });
    if (isSequentialCreate(op)) nodes.push({ path: parentOf(op.path), action: "create" });
    else nodes.push({ path: op.path, action: op.op });
  }
  return nodes;
}

export const checkedPaths = (ops: PrimitiveOp[]) => ops.filter((o) => o.op === "check").map((o) => o.path);

/** A run of ops sent as one multi, or one setAcl on its own (ZooKeeper's multi has no setACL). */
export type Batch = { kind: "multi" | "setAcl"; from: number; ops: PrimitiveOp[]; bytes: number };

export const DEFAULT_BATCH_OPS = 500;

/** Cut `ops`, in order, into batches of at most `maxOps` operations and `maxBytes` request bytes. */
export function planBatches(ops: PrimitiveOp[], limits: { maxOps?: number; maxBytes: number }): Batch[] {
  const maxOps = limits.maxOps ?? DEFAULT_BATCH_OPS;
  const batches: Batch[] = [];
  let current: Batch | null = null;
  ops.forEach((op, i) => {
    const bytes = opRequestBytes(op);
    if (op.op === "setAcl") {
      batches.push({ kind: "setAcl", from: i, ops: [op], bytes });
      current = null;
      return;
    }
    if (!current || current.ops.length >= maxOps || current.bytes + bytes > limits.maxBytes) {
      current = { kind: "multi", from: i, ops: [], bytes: 0 };
      batches.push(current);
    }
    current.ops.push(op);
    current.bytes += bytes;
  });
  return batches;
}

/** The longest path prefix all ops share: where the audit trail files a bulk change. */
export function commonAncestor(paths: string[]): string {
  if (paths.length === 0) return "/";
  let prefix = paths[0].split("/");
  for (const p of paths.slice(1)) {
    const segs = p.split("/");
    let n = 0;
    while (n < prefix.length && n < segs.length && prefix[n] === segs[n]) n++;
    prefix = prefix.slice(0, n);
  }
  return prefix.join("/") || "/";
}
