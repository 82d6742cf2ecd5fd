// POST /api/v1/promote: its body, the plan a dry run answers with, and what an apply reports.
import { z } from "zod";
import { reason } from "@/lib/znodes/schema";
import { leftSide, rightSide } from "@/lib/diff/schema";

const relPath = z.string().max(4096).regex(/^\/(?!.*\/\/)/, "paths are relative to the left root and start with /, e.g. /config/db");

/** One planned write on the right side, at the version the plan saw (`leftVersion`: the left node's, for the value). */
export const promoteOp = z.object({
  op: z.enum(["create", "set", "setAcl", "delete"]),
  path: z.string(),
  version: z.number().int().min(-1).optional(),
  leftVersion: z.number().int().min(0).optional(),
}).strict();
export type PromoteOp = z.infer<typeof promoteOp>;

/** left and right travel in the query (so the route checks both before reading the body), the rest in the body. */
export const promoteInput = z.object({
  left: leftSide,
  right: rightSide,
  /** Only these nodes (relative to the left root), each with its subtree; default everything. */
  paths: z.array(relPath).min(1).max(10_000).optional(),
  dryRun: z.boolean().default(true),
  /** Delete nodes only in the right tree (default: keep them). */
  deleteExtra: z.boolean().default(false),
  /** Copy ACLs too (creates with the left ACL, setAcl where they differ). */
  withAcl: z.boolean().default(false),
  /** The dry run's plan: the apply is checked against the versions it saw (else against a fresh plan). */
  plan: z.array(promoteOp).max(200_000).optional(),
  reason,
}).strict();
export type PromoteInput = z.infer<typeof promoteInput>;

export type PromotePlan = { creates: number; updates: number; deletes: number; skipped: { path: string; why: string }[]; ops: PromoteOp[]; truncated: boolean };
/** A node the plan expected at one version and found at another (nothing of its batch written). */
export type PromoteConflict = { path: string; op: PromoteOp["op"]; expected?: number; code: string; message: string };
export type PromoteResult =
  | ({ dryRun: true } & PromotePlan)
  | { dryRun: false; applied: number; total: number; batches: number; conflicts: PromoteConflict[]; skipped: { path: string; why: string }[] };

/** The route's checks: read on the left, write on the right (null: invalid, the verb says why). */
export function promoteTargets(search: URLSearchParams) {
  const l = leftSide.safeParse(search.get("left"));
  const r = rightSide.safeParse(search.get("right"));
  return [l.success ? { ...l.data, permission: "znode:read" as const } : null, r.success ? { ...r.data, permission: "znode:write" as const } : null];
}
