// Reviewers approve or reject; the author withdraws. The approval that completes the count moves
// the request to "applying" in the same transaction (conditional on "pending"), so two approvals
// at once apply it once; that request then applies it.
import "server-only";
import type { RequestCtx } from "@/lib/core/context";
import { errors } from "@/lib/core/errors";
import { can } from "@/lib/access/permissions";
import { auditedDbChange } from "@/lib/access/audit/db-change";
import { addChangeEvent, noticeOf } from "@/lib/access/changes/submit";
import { notifyChange } from "@/lib/access/changes/notify";
import { loadChangeRequest, requireReviewer } from "./load";
import { applyApproved } from "./apply";
import { transition } from "./transition";
import { approveInput, applyNowInput, rejectInput, withdrawInput } from "./schema";
import { changeRequestView } from "./view";

export async function approveChangeRequest({ ctx, id, input }: { ctx: RequestCtx; id: string; input: unknown }) {
  const q = approveInput.parse(input);
  const { cr, cluster, ops } = await loadChangeRequest(ctx, id);
  if (cr.status !== "pending") throw errors.changeNotPending(cr.id, cr.status);
  requireReviewer(ctx, cr, cluster, ops);
  const { row, complete } = await auditedDbChange(ctx,
    { operation: "change_request_approve", cluster: { id: cr.clusterId, name: cr.clusterName }, path: cr.path, reason: q.comment ?? null, details: { changeRequestId: cr.id } },
    async (tx) => {
      if (await tx.changeApproval.findUnique({ where: { changeRequestId_userId: { changeRequestId: cr.id, userId: ctx.actor.id } } })) throw errors.alreadyApproved(cr.id);
      const now = await tx.changeRequest.findUniqueOrThrow({ where: { id: cr.id } });
      if (now.status !== "pending") throw errors.changeNotPending(cr.id, now.status);
      await tx.changeApproval.create({ data: { changeRequestId: cr.id, userId: ctx.actor.id, userName: ctx.actor.name, comment: q.comment ?? null } });
      await addChangeEvent(tx, ctx, cr.id, "approved", q.comment);
      const count = await tx.changeApproval.count({ where: { changeRequestId: cr.id } });
      const moved = count >= cr.requiredApprovals ? await tx.changeRequest.updateMany({ where: { id: cr.id, status: "pending" }, data: { status: "applying" } }) : { count: 0 };
      return { row: await tx.changeRequest.findUniqueOrThrow({ where: { id: cr.id } }), complete: moved.count === 1 };
    },
    (r) => ({ details: { changeRequestId: cr.id, approvalsComplete: r.complete } }));
  notifyChange(noticeOf(row, "approved", ctx.actor.name, q.comment));
  const final = complete ? await applyApproved(ctx, row, ops) : row;
  return changeRequestView(ctx, final);
}

export async function rejectChangeRequest({ ctx, id, input }: { ctx: RequestCtx; id: string; input: unknown }) {
  const q = rejectInput.parse(input);
  if (!q.comment) throw errors.commentRequired("reject");
  const { cr, cluster, ops } = await loadChangeRequest(ctx, id);
  if (cr.status !== "pending") throw errors.changeNotPending(cr.id, cr.status);
  requireReviewer(ctx, cr, cluster, ops);
  return changeRequestView(ctx, await transition(ctx, cr, { from: ["pending"], to: "rejected", event: "rejected", comment: q.comment }));
}

export async function withdrawChangeRequest({ ctx, id, input }: { ctx: RequestCtx; id: string; input: unknown }) {
  const q = withdrawInput.parse(input);
  const { cr } = await loadChangeRequest(ctx, id);
  if (cr.authorId !== ctx.actor.id) throw errors.notAuthor(cr.id, "withdraw");
  return changeRequestView(ctx, await transition(ctx, cr, { from: ["pending", "stale", "failed"], to: "withdrawn", event: "withdrawn", comment: q.comment }));
}

/** Break glass on a pending request: an admin of every path applies it now, with a reason; flagged. */
export async function applyChangeRequestNow({ ctx, id, input }: { ctx: RequestCtx; id: string; input: unknown }) {
  const q = applyNowInput.parse(input);
  const { cr, cluster, ops } = await loadChangeRequest(ctx, id);
  for (const path of new Set([cr.path, ...ops.map((o) => o.path)])) if (!can(ctx.actor, "admin", cluster, path)) throw errors.breakGlassAdminOnly(path);
  const applying = await transition(ctx, cr, { from: ["pending"], to: "applying", event: "break_glass", comment: q.reason, breakGlass: true });
  return changeRequestView(ctx, await applyApproved(ctx, applying, ops, { breakGlass: q.reason }));
}
