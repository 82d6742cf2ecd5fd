// A stale (or failed) request brought up to date by its author: the same intended values planned
// again against what is there now, as a new pending request that needs its approvals again.
import "server-only";
import type { RequestCtx } from "@/lib/core/context";
import { errors } from "@/lib/core/errors";
import { authorizeNodes } from "@/lib/access/mutations";
import { b64, touchedByOps, type PlannedOp } from "@/lib/access/mutations/ops";
import { submitChangeRequest } from "@/lib/access/changes/submit";
import type { ZkClient } from "@/lib/core/zk/client";
import { isZkCode } from "@/lib/core/zk/errors";
import { loadChangeRequest } from "./load";
import { changeRequestView } from "./view";
import { transition } from "./transition";

const missing = (e: unknown) => (isZkCode(e, "NO_NODE") ? null : Promise.reject(e));

async function replan(client: ZkClient, op: PlannedOp, id: number): Promise<PlannedOp> {
  if (op.op === "create") {
    if (await client.exists(op.path)) throw errors.cannotRebase(id, `${op.path} exists now, and the request creates it`);
    return op;
  }
  if (op.op === "setAcl") {
    const now = await client.getAcl(op.path).catch(missing);
    if (!now) throw errors.cannotRebase(id, `${op.path} no longer exists`);
    return { ...op, aversion: now.stat.aversion, base: { acl: now.acl, version: now.stat.aversion } };
  }
  const now = await client.get(op.path).catch(missing);
  if (!now) throw errors.cannotRebase(id, `${op.path} no longer exists`);
  return { ...op, version: now.stat.version, base: { data: b64(now.data), version: now.stat.version } };
}

export async function rebaseChangeRequest({ ctx, id }: { ctx: RequestCtx; id: string }) {
  const { cr, cluster, ops } = await loadChangeRequest(ctx, id);
  if (cr.authorId !== ctx.actor.id) throw errors.notAuthor(cr.id, "rebase");
  if (cr.status !== "stale" && cr.status !== "failed") throw errors.cannotRebase(cr.id, `it is ${cr.status}; only stale or failed requests are rebased`);
  authorizeNodes(ctx.actor, cluster, touchedByOps(ops));
  const { client } = await ctx.clusterSession(cr.clusterId, cr.path);
  const fresh: PlannedOp[] = [];
  for (const op of ops) fresh.push(await replan(client, op, cr.id));
  const next = await submitChangeRequest(ctx, { cluster, operation: cr.operation, path: cr.path, reason: cr.reason, ops: fresh, approvals: cr.requiredApprovals, rebasedFromId: cr.id });
  await transition(ctx, cr, { from: [cr.status as "stale" | "failed"], to: "withdrawn", event: "withdrawn", comment: `rebased into #${next.id}` });
  return changeRequestView(ctx, next);
}
