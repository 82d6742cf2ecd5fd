// POST /api/v1/promote: the plan of making the right subtree like the left one (a dry run writes
// nothing), or its apply through the op-list engine: version-checked writes in multi batches, one
// audited "promote" record with every op, held as a change request under a protected path.
import "server-only";
import type { RequestCtx } from "@/lib/core/context";
import { applyOps, type OpsProgress } from "@/lib/access/mutations";
import { ConsoleError } from "@/lib/core/errors";
import { planPromotion, type Plan } from "./plan-promotion";
import { promoteInput, type PromoteConflict, type PromoteOp, type PromoteResult } from "./schema";

const keyOf = (o: PromoteOp) => `${o.op} ${o.path}`;
const sameOp = (a: PromoteOp, b: PromoteOp) => a.version === b.version && a.leftVersion === b.leftVersion;

/** What differs between the plan the caller saw and the plan now: each a conflict, nothing written. */
function staleAgainst(seen: PromoteOp[], now: Plan): PromoteConflict[] {
  const current = new Map(now.ops.map((o) => [keyOf(o), o]));
  const conflicts: PromoteConflict[] = [];
  for (const o of seen) {
    const c = current.get(keyOf(o));
    current.delete(keyOf(o));
    if (c && sameOp(o, c)) continue;
    conflicts.push({ path: o.path, op: o.op, expected: o.version, code: "CHANGED_SINCE_PLAN", message: c ? `${o.path} changed since the plan (left version ${c.leftVersion ?? "–"}, right version ${c.version ?? "–"})` : `${o.path} no longer needs this ${o.op}: it changed since the plan` });
  }
  for (const c of current.values()) conflicts.push({ path: c.path, op: c.op, expected: c.version, code: "CHANGED_SINCE_PLAN", message: `${c.path} needs a ${c.op} the plan did not show: it changed since the plan` });
  return conflicts;
}

/** The engine stopped at a batch (a stale version, a node created meanwhile): that batch is the conflict. */
function conflictOf(e: ConsoleError): PromoteConflict | null {
  const failed = e.details?.failedOp as { path: string; op: PromoteOp["op"]; code: string } | undefined;
  return failed ? { path: failed.path, op: failed.op, code: failed.code, message: String(e.details?.cause ?? e.message) } : null;
}

export async function promote({ ctx, input, onProgress }: { ctx: RequestCtx; input: unknown; onProgress?: (p: OpsProgress) => unknown }): Promise<PromoteResult> {
  const q = promoteInput.parse(input);
  const plan = await planPromotion(ctx, q);
  const { writes, ...shown } = plan;
  if (q.dryRun) return { dryRun: true, ...shown };
  const skipped = plan.skipped;
  if (q.plan) {
    const conflicts = staleAgainst(q.plan, plan);
    if (conflicts.length) return { dryRun: false, applied: 0, total: q.plan.length, batches: 0, conflicts, skipped };
  }
  if (writes.length === 0) return { dryRun: false, applied: 0, total: 0, batches: 0, conflicts: [], skipped };
  try {
    const r = await applyOps({
      ctx, clusterId: q.right.clusterId, operation: "promote", ops: writes, path: q.right.path, reason: q.reason, onProgress,
      details: { left: `${q.left.clusterId}:${q.left.path}`, right: `${q.right.clusterId}:${q.right.path}`, paths: q.paths, deleteExtra: q.deleteExtra, withAcl: q.withAcl },
    });
    return { dryRun: false, applied: r.applied, total: r.total, batches: r.batches, conflicts: [], skipped };
  } catch (e) {
    const conflict = e instanceof ConsoleError ? conflictOf(e) : null;
    if (!conflict) throw e;
    const d = (e as ConsoleError).details ?? {};
    return { dryRun: false, applied: Number(d.applied ?? 0), total: writes.length, batches: Number(d.batches ?? 0), conflicts: [conflict], skipped };
  }
}
