// The change requests a user may see (those of clusters it has a grant on), newest first, with
// filters; and the in-console notifications: how many wait for the caller's review, and what
// happened lately to requests it wrote or may review.
import "server-only";
import type { RequestCtx } from "@/lib/core/context";
import type { Prisma } from "@/lib/core/db/generated/prisma/client";
import { can, canSeeCluster } from "@/lib/access/permissions";
import { listQuery } from "./schema";
import { changeRequestRow } from "./view";
import { loadChangeRequest } from "./load";
import { changeRequestView } from "./view";

async function visibleClusters(ctx: RequestCtx) {
  return (await ctx.db.cluster.findMany({ select: { id: true, name: true } })).filter((c) => canSeeCluster(ctx.actor, c));
}

export async function listChangeRequests({ ctx, input }: { ctx: RequestCtx; input: unknown }) {
  const q = listQuery.parse(input);
  const clusters = await visibleClusters(ctx);
  const ids = clusters.map((c) => c.id).filter((id) => !q.clusterId || id === q.clusterId);
  const where: Prisma.ChangeRequestWhereInput = {
    clusterId: { in: ids },
    ...(q.status ? { status: q.status } : {}),
    ...(q.author ? { authorId: q.author === "me" ? ctx.actor.id : q.author } : {}),
    ...(q.breakGlass ? { breakGlass: q.breakGlass === "true" } : {}),
    ...(q.before ? { id: { lt: q.before } } : {}),
  };
  const rows = await ctx.db.changeRequest.findMany({ where, orderBy: { id: "desc" }, take: q.limit, include: { _count: { select: { approvals: true } } } });
  const byId = new Map(clusters.map((c) => [c.id, c]));
  const items = rows.map((r) => {
    const cluster = byId.get(r.clusterId)!;
    return { ...changeRequestRow(r, r._count.approvals), reviewable: r.status === "pending" && r.authorId !== ctx.actor.id && can(ctx.actor, "write", cluster, r.path) };
  });
  return { changeRequests: items, nextBefore: rows.length === q.limit ? rows[rows.length - 1].id : null };
}

export async function getChangeRequest({ ctx, id }: { ctx: RequestCtx; id: string }) {
  const { cr } = await loadChangeRequest(ctx, id);
  return changeRequestView(ctx, cr);
}

/** The header badge and notification list. */
export async function changeInbox({ ctx }: { ctx: RequestCtx }) {
  const clusters = await visibleClusters(ctx);
  const pending = await ctx.db.changeRequest.findMany({ where: { status: "pending", clusterId: { in: clusters.map((c) => c.id) }, NOT: { authorId: ctx.actor.id } }, select: { id: true, clusterId: true, path: true }, take: 1000 });
  const byId = new Map(clusters.map((c) => [c.id, c]));
  const reviewable = pending.filter((p) => can(ctx.actor, "write", byId.get(p.clusterId)!, p.path));
  const events = await ctx.db.changeEvent.findMany({
    where: { NOT: { actorId: ctx.actor.id }, OR: [{ changeRequest: { authorId: ctx.actor.id } }, { changeRequestId: { in: reviewable.map((r) => r.id) } }] },
    orderBy: { id: "desc" }, take: 20, include: { changeRequest: { select: { clusterName: true, path: true, operation: true, status: true } } },
  });
  return {
    pendingReviews: reviewable.length,
    events: events.map((e) => ({ id: e.id, changeRequestId: e.changeRequestId, kind: e.kind, actorName: e.actorName, comment: e.comment, at: e.at.toISOString(), ...e.changeRequest })),
  };
}
