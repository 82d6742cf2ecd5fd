// A stale (or failed) request brought up to date by its author: the same intended values planned
// again against what is there now, as a new pending request that needs its approvals again.
import "server-only";
import type { RequestCtx } from "@/lib/core/context";
import { ConsoleError, errors } from "@/lib/core/errors";
import { authorizeNodes } from "@/lib/access/mutations";
import { toPrimitiveOp, touchedByOps, type PlannedOp } from "@/lib/access/mutations/ops";
import { planOpList } from "@/lib/access/mutations/plan-op-list";
import { isAtomic, submitChangeRequest } from "@/lib/access/changes/submit";
import type { ZkClient } from "@/lib/core/zk/client";
import { loadChangeRequest } from "./load";
import { changeRequestView } from "./view";
import { transition } from "./transition";

/** The same ops at whatever versions are there now (a check keeps the version it asserts). */
const atAnyVersion = (op: PlannedOp) => (op.op === "check" || op.op === "create" ? toPrimitiveOp(op) : { ...toPrimitiveOp(op), version: -1 } as ReturnType<typeof toPrimitiveOp>);

/** A planning refusal (a node the request creates exists now, one it changes is gone) says why it cannot be rebased. */
async function replan(client: ZkClient, ops: PlannedOp[], id: number): Promise<PlannedOp[]> {
  try {
    return await planOpList(client, ops.map(atAnyVersion));
  } catch (e) {
    if (e instanceof ConsoleError && (e.status === 409 || e.status === 404)) throw errors.cannotRebase(id, e.message);
    throw e;
  }
}

export async function rebaseChangeRequest({ ctx, id }: { ctx: RequestCtx; id: string }) {
  const { cr, cluster, ops } = await loadChangeRequest(ctx, id);
  if (cr.authorId !== ctx.actor.id) throw errors.notAuthor(cr.id, "rebase");
  if (cr.status !== "stale" && cr.status !== "failed") throw errors.cannotRebase(cr.id, `it is ${cr.status}; only stale or failed requests are rebased`);
  authorizeNodes(ctx.actor, cluster, touchedByOps(ops));
  const { client } = await ctx.clusterSession(cr.clusterId, cr.path);
  const fresh = await replan(client, ops, cr.id);
  const next = await submitChangeRequest(ctx, { cluster, operation: cr.operation, path: cr.path, reason: cr.reason, ops: fresh, approvals: cr.requiredApprovals, rebasedFromId: cr.id, atomic: isAtomic(cr) });
  await transition(ctx, cr, { from: [cr.status as "stale" | "failed"], to: "withdrawn", event: "withdrawn", comment: `rebased into #${next.id}` });
  return changeRequestView(ctx, next);
}
