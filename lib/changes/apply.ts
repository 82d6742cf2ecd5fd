// Applying a request whose approvals are complete (or an admin's break glass): through the one
// mutation path, as the author (or the admin breaking glass), at the base versions. A moved
// version makes it stale before anything is written; the outcome is recorded on the request.
import "server-only";
import type { RequestCtx } from "@/lib/core/context";
import type { ChangeRequest } from "@/lib/core/db/generated/prisma/client";
import { ConsoleError, errors } from "@/lib/core/errors";
import { performMutation, runOps } from "@/lib/access/mutations";
import { findDrift, type Drift } from "@/lib/access/mutations/drift";
import { fromB64, toPrimitiveOp, touchedByOps, type PlannedOp } from "@/lib/access/mutations/ops";
import { auditValue } from "@/lib/access/audit/values";
import { actorForToken } from "@/lib/access/session";
import { requestCtx } from "@/lib/access/request-ctx";
import { isAtomic } from "@/lib/access/changes/submit";
import { transition } from "./transition";

const VERSION_CODES = new Set(["BAD_VERSION", "NODE_EXISTS", "NO_NODE", "NOT_EMPTY"]);

/** The audit's before/after of a one-op request, so the znode's history shows the value. */
function values(ops: PlannedOp[]) {
  const only = ops.length === 1 ? ops[0] : null;
  const data = only && (only.op === "set" || only.op === "create") ? fromB64(only.data) : null;
  const base = only?.base?.data !== undefined ? fromB64(only.base.data) : null;
  return { before: base ? { ...auditValue(base), version: only!.base!.version } : undefined, after: data ? auditValue(data) : undefined };
}

export async function applyApproved(ctx: RequestCtx, cr: ChangeRequest, ops: PlannedOp[], opts: { breakGlass?: string } = {}): Promise<ChangeRequest> {
  const author = opts.breakGlass ? ctx.actor : await actorForToken({ uid: cr.authorId, loginAt: Date.now() });
  if (!author) return transition(ctx, cr, { from: ["applying"], to: "failed", event: "failed", outcome: { error: "the author's account is disabled or was removed, so the change is not applied in its name" } });
  const approvedBy = (await ctx.db.changeApproval.findMany({ where: { changeRequestId: cr.id }, orderBy: { at: "asc" } })).map((a) => a.userName);
  const actingCtx = requestCtx({ actor: author, requestId: ctx.requestId, sourceIp: ctx.sourceIp });
  const { before, after } = values(ops);
  let applied = 0;
  try {
    const result = await performMutation({
      ctx: actingCtx, clusterId: cr.clusterId, operation: cr.operation, path: cr.path, nodes: touchedByOps(ops), reason: opts.breakGlass ?? cr.reason,
      approved: { changeRequestId: cr.id },
      details: { changeRequestId: cr.id, approvedBy, appliedBy: ctx.actor.name, ops: ops.length, ...(opts.breakGlass ? { breakGlass: true } : {}) },
      before: async (client) => {
        const drift = await findDrift(client, ops);
        if (drift.length) throw errors.changeStale(cr.id, drift);
        return before;
      },
      run: async (client, cluster, touch) => {
        const r = await runOps(client, cluster, ops.map(toPrimitiveOp), { ctx: actingCtx, touch }, { atomic: isAtomic(cr) });
        return { applied: r.applied, created: r.results.flatMap((x) => (x.op === "create" && x.createdPath ? [x.createdPath] : [])) };
      },
      after: (r) => ({ after, details: { applied: r.applied, created: r.created.slice(0, 100) } }),
    });
    return await transition(ctx, cr, { from: ["applying"], to: "applied", event: "applied", outcome: { applied: result.applied, created: result.created.slice(0, 100) } });
  } catch (e) {
    // The engine applies whole batches: how many ops of the request landed before it stopped.
    applied = ((e as { details?: { applied?: number } }).details?.applied) ?? 0;
    const drift = await staleDrift(ctx, cr, ops, e, applied);
    if (drift) return transition(ctx, cr, { from: ["applying"], to: "stale", event: "stale", outcome: { drift } });
    const message = e instanceof Error ? e.message : String(e);
    return transition(ctx, cr, { from: ["applying"], to: "failed", event: "failed", outcome: { error: message, code: (e as { code?: string }).code, applied } });
  }
}

/** What moved, when the request failed because a base version moved (and nothing was written). */
async function staleDrift(ctx: RequestCtx, cr: ChangeRequest, ops: PlannedOp[], e: unknown, applied: number): Promise<Drift[] | null> {
  if (e instanceof ConsoleError && e.code === "CHANGE_REQUEST_STALE") return (e.details?.drift as Drift[]) ?? [];
  const code = (e as { code?: string }).code;
  if (applied > 0 || !code || !VERSION_CODES.has(code)) return null;
  // Moved between the check and the write: ZooKeeper refused the first op, so nothing was written.
  const { client } = await ctx.clusterSession(cr.clusterId, cr.path);
  return findDrift(client, ops).catch(() => []);
}
