// The four-eyes step of the mutation pipeline: a write that touches a protected path is not
// applied but held as a change request (its primitive ops planned now, with the values seen),
// unless it is the application of an approved request, or an admin breaks glass with a reason.
import "server-only";
import type { RequestCtx } from "@/lib/core/context";
import type { Cluster } from "@/lib/core/db/generated/prisma/client";
import { errors } from "@/lib/core/errors";
import type { ZkClient } from "@/lib/core/zk/client";
import { can } from "../permissions";
import { prefixCovers } from "../roles";
import type { NodeGuard, TouchedNode } from "../mutations/authorize";
import { MAX_PLANNED_BYTES, MAX_PLANNED_OPS, plannedBytes, touchedByOps, type PlannedOp } from "../mutations/ops";
import { submitChangeRequest } from "./submit";

export type Reviewable = {
  ctx: RequestCtx;
  operation: string;
  path: string;
  nodes: TouchedNode[];
  reason?: string | null;
  plan?: (client: ZkClient, cluster: Cluster) => Promise<PlannedOp[]>;
  atomic?: boolean;
  approved?: { changeRequestId: number };
};

export type Hold = { breakGlass: false } | { breakGlass: true; ops: PlannedOp[] | null; approvals: number };

/** Protections of the cluster that could cover a node: the node is under one, or one is inside its subtree. */
async function overlapping(ctx: RequestCtx, clusterId: string, paths: string[]) {
  const all = await ctx.db.protection.findMany({ where: { clusterId } });
  return all.filter((p) => paths.some((path) => prefixCovers(p.pathPrefix, path) || prefixCovers(path, p.pathPrefix)));
}

/**
 * Returns how the write goes on (directly, or flagged as break glass); throws
 * errors.changeSubmitted (answered 202) when it was held for review instead.
 */
export async function holdForReview(m: Reviewable, cluster: Cluster, client: ZkClient, touch: NodeGuard): Promise<Hold> {
  if (m.approved) return { breakGlass: false };
  let matched = await overlapping(m.ctx, cluster.id, m.nodes.map((n) => n.path));
  if (matched.length === 0) return { breakGlass: false };
  const ops = m.plan ? await m.plan(client, cluster) : null;
  if (ops) matched = matched.filter((p) => ops.some((o) => prefixCovers(p.pathPrefix, o.path)));
  if (matched.length === 0) return { breakGlass: false };
  const approvals = Math.max(...matched.map((p) => p.approvals));
  const paths = ops ? ops.map((o) => o.path) : m.nodes.map((n) => n.path);
  if (m.ctx.breakGlass) {
    for (const p of new Set(paths)) if (!can(m.ctx.actor, "admin", cluster, p)) throw errors.breakGlassAdminOnly(p);
    if (!m.reason?.trim()) throw errors.breakGlassReasonRequired();
    return { breakGlass: true, ops, approvals };
  }
  if (!ops) throw errors.reviewUnsupported(m.operation, matched[0].pathPrefix);
  const bytes = plannedBytes(ops);
  if (ops.length > MAX_PLANNED_OPS || bytes > MAX_PLANNED_BYTES) throw errors.changeTooLarge(ops.length, bytes, MAX_PLANNED_OPS, MAX_PLANNED_BYTES);
  // The author must be allowed every op of the plan (parents it creates, nodes a walk found, the ACLs it sets).
  touch(touchedByOps(ops));
  const cr = await submitChangeRequest(m.ctx, { cluster, operation: m.operation, path: m.path, reason: m.reason, ops, approvals, atomic: m.atomic });
  throw errors.changeSubmitted(cr.id, approvals);
}

/**
 * For the one write that cannot join a change request (a move's deletes on another cluster than
 * its target): refused under protection unless an admin breaks glass.
 */
export async function refuseIfProtected(ctx: RequestCtx, cluster: Cluster, paths: string[], operation: string, reason?: string | null): Promise<void> {
  const matched = await overlapping(ctx, cluster.id, paths);
  if (matched.length === 0) return;
  if (!ctx.breakGlass) throw errors.reviewUnsupported(operation, matched[0].pathPrefix);
  for (const p of paths) if (!can(ctx.actor, "admin", cluster, p)) throw errors.breakGlassAdminOnly(p);
  if (!reason?.trim()) throw errors.breakGlassReasonRequired();
}
