// What the API shows of a change request: the row, its approvals and timeline, what the caller
// may do with it, and for review its ops with the base value each was planned against and (for
// the first ones, where the caller may read) what is there now.
import "server-only";
import type { RequestCtx } from "@/lib/core/context";
import type { ChangeRequest } from "@/lib/core/db/generated/prisma/client";
import { can, canSeeCluster } from "@/lib/access/permissions";
import { clusterOf } from "@/lib/access/clusters";
import { b64, type PlannedOp } from "@/lib/access/mutations/ops";
import { isZkCode } from "@/lib/core/zk/errors";
import { opsOf } from "./load";
import type { ChangeStatus } from "./schema";

const OPS_SHOWN = 500;
const CURRENT_SHOWN = 200;
const MAX_VALUE_SHOWN = 256 * 1024;

export function changeRequestRow(cr: ChangeRequest, approvals: number) {
  return {
    id: cr.id, cluster: { id: cr.clusterId, name: cr.clusterName }, operation: cr.operation, path: cr.path, status: cr.status as ChangeStatus,
    requiredApprovals: cr.requiredApprovals, approvals, author: { id: cr.authorId, name: cr.authorName }, reason: cr.reason, opCount: cr.opCount,
    summary: JSON.parse(cr.summary) as { counts: Record<string, number>; paths: string[] }, breakGlass: cr.breakGlass, rebasedFromId: cr.rebasedFromId,
    createdAt: cr.createdAt.toISOString(), decidedAt: cr.decidedAt?.toISOString() ?? null,
  };
}

type Current = { version: number; data?: string; acl?: { scheme: string; auth: string; perms: number }[] } | null;

async function currentValues(ctx: RequestCtx, cr: ChangeRequest, ops: PlannedOp[]): Promise<(Current | "unreadable")[]> {
  const cluster = await clusterOf(ctx, cr.clusterId);
  const shown = ops.slice(0, CURRENT_SHOWN);
  const readable = shown.find((o) => can(ctx.actor, "read", cluster, o.path));
  if (!readable) return shown.map(() => "unreadable");
  const { client } = await ctx.clusterSession(cr.clusterId, readable.path).catch(() => ({ client: null }));
  if (!client) return shown.map(() => "unreadable");
  return Promise.all(shown.map(async (o): Promise<Current | "unreadable"> => {
    if (!can(ctx.actor, "read", cluster, o.path)) return "unreadable";
    try {
      if (o.op === "setAcl") {
        const a = await client.getAcl(o.path);
        return { version: a.stat.aversion, acl: a.acl };
      }
      const now = await client.get(o.path);
      return { version: now.stat.version, ...(now.data.length <= MAX_VALUE_SHOWN ? { data: b64(now.data) } : {}) };
    } catch (e) {
      return isZkCode(e, "NO_NODE") ? null : "unreadable";
    }
  }));
}

export async function changeRequestView(ctx: RequestCtx, cr: ChangeRequest) {
  const [approvals, events] = await Promise.all([
    ctx.db.changeApproval.findMany({ where: { changeRequestId: cr.id }, orderBy: { at: "asc" } }),
    ctx.db.changeEvent.findMany({ where: { changeRequestId: cr.id }, orderBy: { id: "asc" } }),
  ]);
  const ops = opsOf(cr);
  const cluster = await clusterOf(ctx, cr.clusterId);
  const paths = [...new Set([cr.path, ...ops.map((o) => o.path)])];
  const reviewer = cr.authorId !== ctx.actor.id && canSeeCluster(ctx.actor, cluster) && paths.every((p) => can(ctx.actor, "write", cluster, p));
  const mine = cr.authorId === ctx.actor.id;
  const pending = cr.status === "pending";
  const current = cr.status === "pending" || cr.status === "stale" ? await currentValues(ctx, cr, ops) : null;
  return {
    changeRequest: {
      ...changeRequestRow(cr, approvals.length),
      approvalList: approvals.map((a) => ({ userId: a.userId, userName: a.userName, comment: a.comment, at: a.at.toISOString() })),
      events: events.map((e) => ({ kind: e.kind, actorName: e.actorName, comment: e.comment, at: e.at.toISOString() })),
      outcome: cr.outcome ? (JSON.parse(cr.outcome) as Record<string, unknown>) : null,
      ops: ops.slice(0, OPS_SHOWN).map((o, i) => ({ ...o, current: current?.[i] })),
      opsShown: Math.min(ops.length, OPS_SHOWN),
      may: {
        approve: pending && reviewer && !approvals.some((a) => a.userId === ctx.actor.id),
        reject: pending && reviewer,
        withdraw: mine && (pending || cr.status === "stale" || cr.status === "failed"),
        rebase: mine && (cr.status === "stale" || cr.status === "failed"),
        applyNow: pending && paths.every((p) => can(ctx.actor, "admin", cluster, p)),
      },
    },
  };
}
