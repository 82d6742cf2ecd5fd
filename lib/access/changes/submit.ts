// Storing a held write as a change request: the row, its first timeline event and the audit
// record commit together (no record, no request); the webhook is told afterwards.
import "server-only";
import type { RequestCtx } from "@/lib/core/context";
import type { ChangeRequest, Prisma } from "@/lib/core/db/generated/prisma/client";
import { auditedDbChange } from "../audit/db-change";
import { summarize, type PlannedOp } from "../mutations/ops";
import { notifyChange, type ChangeEventKind, type ChangeNotice } from "./notify";

export const noticeOf = (r: ChangeRequest, kind: ChangeEventKind, actorName: string, comment?: string | null): ChangeNotice => ({
  kind, actorName, comment,
  request: { id: r.id, clusterId: r.clusterId, clusterName: r.clusterName, operation: r.operation, path: r.path, status: r.status, authorName: r.authorName, reason: r.reason, opCount: r.opCount, requiredApprovals: r.requiredApprovals },
});

/** One timeline entry of a request (inside the transaction that changes it). */
export function addChangeEvent(tx: Prisma.TransactionClient, ctx: RequestCtx, changeRequestId: number, kind: ChangeEventKind, comment?: string | null) {
  return tx.changeEvent.create({ data: { changeRequestId, kind, actorId: ctx.actor.id, actorName: ctx.actor.name, comment: comment ?? null } });
}

export type Submission = {
  cluster: { id: string; name: string };
  operation: string;
  path: string;
  reason?: string | null;
  ops: PlannedOp[];
  approvals: number;
  status?: "pending" | "applied";
  breakGlass?: boolean;
  rebasedFromId?: number;
  /** Applied as one multi, all or nothing (a multi's ops). */
  atomic?: boolean;
};

/** Whether the request's ops apply as one multi (stored with its summary). */
export const isAtomic = (r: ChangeRequest) => (JSON.parse(r.summary) as { atomic?: boolean }).atomic === true;

export async function submitChangeRequest(ctx: RequestCtx, s: Submission): Promise<ChangeRequest> {
  const summary = { ...summarize(s.ops), ...(s.atomic ? { atomic: true } : {}) };
  const kind: ChangeEventKind = s.breakGlass ? "break_glass" : "submitted";
  const row = await auditedDbChange(ctx,
    { operation: s.breakGlass ? "change_request_break_glass" : "change_request_submit", cluster: s.cluster, path: s.path, reason: s.reason, details: { operation: s.operation, ops: s.ops.length, counts: summary.counts, requiredApprovals: s.approvals, rebasedFromId: s.rebasedFromId } },
    async (tx) => {
      const cr = await tx.changeRequest.create({
        data: {
          clusterId: s.cluster.id, clusterName: s.cluster.name, operation: s.operation, path: s.path, status: s.status ?? "pending", requiredApprovals: s.approvals,
          authorId: ctx.actor.id, authorName: ctx.actor.name, reason: s.reason ?? null, ops: JSON.stringify(s.ops), opCount: s.ops.length, summary: JSON.stringify(summary),
          breakGlass: !!s.breakGlass, rebasedFromId: s.rebasedFromId ?? null, decidedAt: s.status === "applied" ? new Date() : null,
        },
      });
      await addChangeEvent(tx, ctx, cr.id, kind, s.reason);
      return cr;
    },
    (cr) => ({ details: { changeRequestId: cr.id, operation: s.operation, ops: s.ops.length, counts: summary.counts, requiredApprovals: s.approvals, breakGlass: !!s.breakGlass } }));
  notifyChange(noticeOf(row, kind, ctx.actor.name, s.reason));
  return row;
}
