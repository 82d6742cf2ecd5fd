// A change request as its verbs see it: the row, its cluster and its parsed ops; unknown and
// invisible (no grant on its cluster) alike are "not found".
import "server-only";
import type { RequestCtx } from "@/lib/core/context";
import { db } from "@/lib/core/db/client";
import type { ChangeRequest } from "@/lib/core/db/generated/prisma/client";
import { errors } from "@/lib/core/errors";
import { clusterOf } from "@/lib/access/clusters";
import { authorize, canSeeCluster } from "@/lib/access/permissions";
import { plannedOpsSchema, type PlannedOp } from "@/lib/access/mutations/ops";

export async function loadChangeRequest(ctx: RequestCtx, rawId: string | number) {
  const id = Number(rawId);
  const missing = () => errors.notFound(`no change request #${rawId}`);
  if (!Number.isInteger(id) || id <= 0) throw missing();
  const cr = await ctx.db.changeRequest.findUnique({ where: { id } });
  if (!cr) throw missing();
  const cluster = await clusterOf(ctx, cr.clusterId).catch(() => null);
  if (!cluster || !canSeeCluster(ctx.actor, cluster)) throw missing();
  return { cr, cluster, ops: opsOf(cr) };
}

export const opsOf = (cr: ChangeRequest): PlannedOp[] => plannedOpsSchema.parse(JSON.parse(cr.ops));

/** Reviewers need at least editor on every path the request touches; the author never reviews its own. */
export function requireReviewer(ctx: RequestCtx, cr: ChangeRequest, cluster: { id: string; name: string }, ops: PlannedOp[]) {
  if (cr.authorId === ctx.actor.id) throw errors.selfApproval(cr.id);
  for (const path of new Set([cr.path, ...ops.map((o) => o.path)])) authorize(ctx.actor, "write", cluster, path);
}

/** For the route's permission check: the cluster and the root path of the request. */
export async function changeRequestTarget(rawId: string): Promise<{ clusterId: string; path: string } | null> {
  const id = Number(rawId);
  if (!Number.isInteger(id) || id <= 0) return null;
  return db().changeRequest.findUnique({ where: { id }, select: { clusterId: true, path: true } });
}
