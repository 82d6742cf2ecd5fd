// The one mutation path: authorize, require a reason where the cluster demands one, write the
// audit intent (no intent, no write), perform the ZooKeeper operation, record the outcome.
import "server-only";
import { clusterOf } from "../clusters";
import { auditActor, recordIntent, recordOutcome, recordRefusal, type AuditIntent, type AuditOutcome } from "../audit/record";
import { ConsoleError, errors } from "@/lib/core/errors";
import { sessionTargetOf } from "../cluster-session";
import { identitiesOf } from "../session-identities";
import { getClient } from "@/lib/core/zk/sessions";
import { explainIfNoAuth } from "../explain-no-auth";
import { toZkError, ZkError } from "@/lib/core/zk/errors";
import { readBackUnknown, type ReadBack } from "./outcome-unknown";
import type { ZkClient } from "@/lib/core/zk/client";
import type { Cluster } from "@/lib/core/db/generated/prisma/client";
import { guardedClient } from "./guarded-client";
import { authorizeNodes, nodeGuard, type NodeGuard, type TouchedNode } from "./authorize";
import { toRules } from "@/lib/core/zk/acl-ids";
import type { RequestCtx } from "@/lib/core/context";
import { requireReason } from "./reason";
import type { PlannedOp } from "./ops";
import { holdForReview, type Hold } from "../changes/intercept";
import { submitChangeRequest } from "../changes/submit";

export type MutationSpec<T> = {
  ctx: RequestCtx;
  clusterId: string;
  operation: string;
  /** The node the audit trail files the operation under (for a copy: the target). */
  path: string;
  targetPath?: string;
  /** Every node the mutation touches that is known before it runs, each authorized for its action. */
  nodes: TouchedNode[];
  reason?: string | null;
  /** An ACL change that would lock the console out goes ahead (with a reason): the ACL editor's override. */
  aclOverride?: boolean;
  /** Read what the audit needs before the write (runs after authorization). */
  before?: (client: ZkClient, cluster: Cluster) => Promise<AuditIntent["before"]>;
  /**
   * The ZooKeeper operation. Nodes it finds on its way (a bulk walk, the name ZooKeeper gives a
   * sequential node, the parents it creates, the ACLs an import sets) are authorized with `touch`
   * before they are written (a bulk operation touches all of them before its first write); a
   * refusal fails it.
   */
  run: (client: ZkClient, cluster: Cluster, touch: NodeGuard) => Promise<T>;
  after?: (result: T) => Pick<AuditOutcome, "after" | "details">;
  details?: Record<string, unknown>;
  /**
   * After a connection loss left the outcome unknown: read the node back (after the reconnect)
   * and say whether the write landed. Without it, or when the read cannot decide, the outcome
   * stays "unknown" and the operator is told it may or may not have been applied.
   */
  readBack?: ReadBack<T>;
  /**
   * The mutation as primitive ops (reads only, after authorization), so that under a protected
   * path it can be held as a change request and applied after review. Without it such a write
   * is refused there (only an admin's break glass applies it).
   */
  plan?: (client: ZkClient, cluster: Cluster) => Promise<PlannedOp[]>;
  /** The planned ops must apply as one multi, all or nothing (also once approved). */
  atomic?: boolean;
  /** Set when an approved change request is being applied: it is not held again. */
  approved?: { changeRequestId: number };
};

/** A move also deletes on its source cluster: that cluster's reason rule applies too. */
async function sourceClusterOfMove(spec: MutationSpec<unknown>): Promise<Cluster | null> {
  const sourceId = spec.details?.sourceClusterId;
  if (spec.operation !== "move" || typeof sourceId !== "string" || sourceId === spec.clusterId) return null;
  return clusterOf(spec.ctx, sourceId);
}

export async function performMutation<T>(spec: MutationSpec<T>): Promise<T> {
  const cluster = await clusterOf(spec.ctx, spec.clusterId);
  const context: AuditIntent = {
    ...auditActor(spec.ctx),
    cluster: { id: cluster.id, name: cluster.name },
    operation: spec.operation,
    path: spec.path,
    targetPath: spec.targetPath,
    reason: spec.reason,
    details: spec.details,
  };
  let client: ZkClient;
  let before: AuditIntent["before"];
  let touch: NodeGuard;
  let hold: Hold;
  try {
    // Permissions first: nothing about the cluster's session is touched for a caller refused anyway.
    authorizeNodes(spec.ctx.actor, cluster, spec.nodes);
    requireReason(cluster, spec.reason);
    const source = await sourceClusterOfMove(spec as MutationSpec<unknown>);
    if (source) requireReason(source, spec.reason);
    const target = await sessionTargetOf(cluster);
    client = await getClient(target);
    touch = nodeGuard({ actor: spec.ctx.actor, cluster, identities: identitiesOf(target), override: spec.aclOverride ?? false, reason: spec.reason });
    hold = await holdForReview(spec, cluster, client, touch);
    before = spec.before ? await spec.before(client, cluster) : undefined;
    touch(await withCurrentAcls(client, spec.nodes));
  } catch (e) {
    if (e instanceof ConsoleError && e.code === "CHANGE_REQUEST_PENDING") throw e; // held for review: audited as submitted
    // Refused before anything was written (no permission, no reason, a failed read): recorded too.
    const err = notSent(e instanceof ConsoleError ? e : toZkError(e, spec.path));
    await recordRefusal(context, err);
    throw err;
  }
  const flags = hold.breakGlass ? { breakGlass: true } : spec.approved ? { changeRequestId: spec.approved.changeRequestId } : {};
  const intent: AuditIntent = { ...context, before, details: { ...context.details, ...flags } };
  const auditId = await recordIntent(intent);
  try {
    const result = await spec.run(guardedClient(client, touch.permits), cluster, touch);
    await recordOutcome(intent, auditId, { outcome: "ok", ...(spec.after?.(result) ?? {}) });
    if (hold.breakGlass) await listBreakGlass(spec, cluster, hold);
    return result;
  } catch (e) {
    const err = await explainIfNoAuth(toZkError(e, spec.path), client, cluster, spec.operation, spec.path);
    const settled = await readBackUnknown(err, spec, cluster);
    if (settled.outcome === "ok") {
      const after = spec.after?.(settled.result) ?? {};
      await recordOutcome(intent, auditId, { outcome: "ok", ...after, details: { ...after.details, confirmedByReadBack: settled.cause } });
      return settled.result;
    }
    await recordOutcome(intent, auditId, { outcome: settled.outcome, error: settled.error.message, details: (settled.error as { details?: Record<string, unknown> }).details });
    throw settled.error;
  }
}

/** Declared ACL changes with the ACL there now (for the lockout guard's "it would lose"), read when not given. */
export async function withCurrentAcls(client: ZkClient, nodes: TouchedNode[]): Promise<TouchedNode[]> {
  return Promise.all(nodes.map(async (n) => (n.action !== "set_acl" || n.current !== undefined ? n : { ...n, current: await client.getAcl(n.path).then((r) => toRules(r.acl), () => null) })));
}

/** A break-glass write is listed with the change requests (flagged), besides its flagged audit records. */
async function listBreakGlass(spec: Pick<MutationSpec<unknown>, "ctx" | "operation" | "path" | "reason">, cluster: Cluster, hold: Extract<Hold, { breakGlass: true }>) {
  await submitChangeRequest(spec.ctx, { cluster, operation: spec.operation, path: spec.path, reason: spec.reason, ops: hold.ops ?? [], approvals: hold.approvals, status: "applied", breakGlass: true })
    .catch((e) => console.error(`[changes] the break-glass ${spec.operation} of ${spec.path} was applied, but listing it failed:`, e));
}

const BEFORE_SENDING: Record<string, string> = {
  CONNECTION_LOSS: "the connection to ZooKeeper was lost",
  OPERATION_TIMEOUT: "ZooKeeper did not answer in time",
  SESSION_MOVED: "the session moved to another ZooKeeper server",
  SESSION_EXPIRED: "the ZooKeeper session expired",
  INVALID_STATE: "the ZooKeeper session ended",
};

/** A connection failure while preparing the write (its reads): nothing was sent, so say that. */
function notSent(err: Error): Error {
  // A read's lost connection carries CLUSTER_UNAVAILABLE (lib/core/zk/errors.ts asReadFailure); its return code tells.
  const code = err instanceof ZkError && err.rc === -4 ? "CONNECTION_LOSS" : err instanceof ConsoleError ? err.code : undefined;
  const why = code ? BEFORE_SENDING[code] : undefined;
  return why ? errors.notSentBeforeWrite(why) : err;
}
