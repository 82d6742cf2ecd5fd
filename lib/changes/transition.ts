// Status changes of a change request: conditional on the status it had (so two reviewers acting at
// once cannot both move it), committed with its timeline event and its audit record.
import "server-only";
import type { RequestCtx } from "@/lib/core/context";
import type { ChangeRequest, Prisma } from "@/lib/core/db/generated/prisma/client";
import { errors } from "@/lib/core/errors";
import { auditedDbChange } from "@/lib/access/audit/db-change";
import { addChangeEvent, noticeOf } from "@/lib/access/changes/submit";
import { notifyChange, type ChangeEventKind } from "@/lib/access/changes/notify";
import type { ChangeStatus } from "./schema";

type Move = { from: ChangeStatus[]; to: ChangeStatus; event: ChangeEventKind; comment?: string | null; outcome?: unknown; breakGlass?: boolean; extra?: (tx: Prisma.TransactionClient) => Promise<unknown> };

export async function transition(ctx: RequestCtx, cr: ChangeRequest, m: Move): Promise<ChangeRequest> {
  const final = m.to !== "applying" && m.to !== "pending";
  const updated = await auditedDbChange(ctx,
    { operation: `change_request_${m.event}`, cluster: { id: cr.clusterId, name: cr.clusterName }, path: cr.path, reason: m.comment ?? null, details: { changeRequestId: cr.id, from: cr.status, to: m.to, ...(m.breakGlass ? { breakGlass: true } : {}) } },
    async (tx) => {
      const moved = await tx.changeRequest.updateMany({
        where: { id: cr.id, status: { in: m.from } },
        data: { status: m.to, ...(final ? { decidedAt: new Date() } : {}), ...(m.outcome !== undefined ? { outcome: JSON.stringify(m.outcome) } : {}), ...(m.breakGlass ? { breakGlass: true } : {}) },
      });
      if (moved.count !== 1) {
        const now = await tx.changeRequest.findUniqueOrThrow({ where: { id: cr.id } });
        throw errors.changeNotPending(cr.id, now.status);
      }
      await m.extra?.(tx);
      await addChangeEvent(tx, ctx, cr.id, m.event, m.comment);
      return tx.changeRequest.findUniqueOrThrow({ where: { id: cr.id } });
    });
  notifyChange(noticeOf(updated, m.event, ctx.actor.name, m.comment));
  return updated;
}
