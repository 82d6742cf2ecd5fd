// A mutation as primitive ZooKeeper operations (create / set / delete / setAcl / check, each with
// the version it expects), so it can be stored, reviewed and applied later: what a change request
// holds. Each op carries the base value it was planned against (the diff the reviewers see).
import { z } from "zod";
import type { AclEntry } from "@/lib/core/zk/client";
import { toRules } from "@/lib/core/zk/acl-ids";
import { CREATED_ACL } from "./authorize";
import type { TouchedNode } from "./touched-node";
import type { PrimitiveOp } from "./op-list";

const path = z.string().min(1).max(4096);
const base64 = z.string().max(16 * 1024 * 1024);
const version = z.number().int().min(-1);
export const aclEntrySchema = z.object({ scheme: z.string().max(64), auth: z.string().max(1024), perms: z.number().int().min(0).max(31) });

/** What was there when the op was planned: null when the node did not exist. */
export const baseSchema = z.object({ data: base64.optional(), acl: z.array(aclEntrySchema).optional(), version: z.number().int() }).nullable();

export const plannedOpSchema = z.discriminatedUnion("op", [
  z.object({ op: z.literal("create"), path, data: base64, flags: z.number().int().min(0).max(6), ttlMs: z.number().int().positive().optional(), acl: z.array(aclEntrySchema).optional(), base: baseSchema }),
  z.object({ op: z.literal("set"), path, data: base64, version, base: baseSchema }),
  z.object({ op: z.literal("delete"), path, version, base: baseSchema }),
  z.object({ op: z.literal("setAcl"), path, acl: z.array(aclEntrySchema).min(1), aversion: version, base: baseSchema }),
  z.object({ op: z.literal("check"), path, version, base: baseSchema }),
]);
export type PlannedOp = z.infer<typeof plannedOpSchema>;
export const plannedOpsSchema = z.array(plannedOpSchema);

/** How big one change request may be: ops, and bytes of new plus base values. */
export const MAX_PLANNED_OPS = 10_000;
export const MAX_PLANNED_BYTES = 32 * 1024 * 1024;

/**
 * The nodes the ops touch, each with its action, for the one write check (a check op writes
 * nothing); an ACL change is checked against the ACL it was planned over.
 */
export function touchedByOps(ops: PlannedOp[]): TouchedNode[] {
  const touched: TouchedNode[] = [];
  for (const o of ops) {
    if (o.op === "create") {
      touched.push({ path: o.path, action: "create" });
      if (o.acl) touched.push({ path: o.path, action: "set_acl", acl: toRules(o.acl), current: CREATED_ACL });
    } else if (o.op === "setAcl") touched.push({ path: o.path, action: "set_acl", acl: toRules(o.acl), current: o.base?.acl ? toRules(o.base.acl) : null });
    else if (o.op !== "check") touched.push({ path: o.path, action: o.op });
  }
  return touched;
}

/** Bytes a plan stores (values are base64 in the plan). */
export function plannedBytes(ops: PlannedOp[]): number {
  let bytes = 0;
  for (const o of ops) bytes += ("data" in o ? o.data.length : 0) + (o.base?.data?.length ?? 0) + 256;
  return bytes;
}

export const b64 = (data: Buffer) => data.toString("base64");
export const fromB64 = (data: string) => Buffer.from(data, "base64");
export const aclOf = (acl: AclEntry[]) => acl.map((a) => ({ scheme: a.scheme, auth: a.auth, perms: a.perms }));

/** Counts per kind and a sample of paths, for lists and notifications. */
export function summarize(ops: PlannedOp[], sample = 20) {
  const counts: Record<string, number> = {};
  for (const o of ops) counts[o.op] = (counts[o.op] ?? 0) + 1;
  return { counts, paths: [...new Set(ops.map((o) => o.path))].slice(0, sample) };
}

/** A planned op as the op-list engine applies it (values decoded; the ACL seen while planning as `current`). */
export function toPrimitiveOp(o: PlannedOp): PrimitiveOp {
  if (o.op === "create") return { op: "create", path: o.path, data: fromB64(o.data), flags: o.flags, ttlMs: o.ttlMs, ...(o.acl ? { acl: o.acl } : {}) };
  if (o.op === "set") return { op: "set", path: o.path, data: fromB64(o.data), version: o.version };
  if (o.op === "setAcl") return { op: "setAcl", path: o.path, acl: o.acl, version: o.aversion, ...(o.base?.acl ? { current: o.base.acl } : {}) };
  return { op: o.op, path: o.path, version: o.version };
}
