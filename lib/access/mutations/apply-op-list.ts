// The engine of every bulk ZooKeeper change: a list of primitive ops (create, set, delete,
// setAcl, check, with versions), each authorized for the node it touches, applied through the one
// mutation pipeline (one audit record listing every op) in bounded multi batches with progress.
// A verb that is more than an op list (a copy that reads and verifies, a move across clusters)
// calls runOps inside its own performMutation.
import "server-only";
import type { RequestCtx } from "@/lib/core/context";
import type { Cluster } from "@/lib/core/db/generated/prisma/client";
import { errors } from "@/lib/core/errors";
import type { Progress } from "@/lib/core/http/progress";
import type { ZkClient } from "@/lib/core/zk/client";
import { isOutcomeUnknown } from "@/lib/core/zk/errors";
import { validatePath } from "@/lib/core/zk/paths";
import { permLetters } from "@/lib/core/zk/perms";
import { enforceSizeLimit, maxRequestBytes } from "@/lib/core/zk/request-size";
import { sha256 } from "../audit/values";
import { authorize } from "../permissions";
import { applyBatches, isMultiRefusal, type AppliedOp, type StoppedAt } from "./apply-batches";
import type { TouchedNode } from "./authorize";
import { checkedPaths, commonAncestor, planBatches, touchedNodes, type PrimitiveOp } from "./op-list";
import { performMutation, withCurrentAcls } from "./perform";
import { planOpList } from "./plan-op-list";

export type OpsProgress = Progress & { phase: "applying"; batch: number; batches: number };
export type ApplyOpsResult = { applied: number; total: number; batches: number; results: AppliedOp[] };

export type RunOpsOptions = {
  /** One multi, all or nothing: refused up front when the ops cannot be one request. Default: batches. */
  atomic?: boolean;
  /** Ops per batch (default 500; each batch is also bounded by the cluster's request size). */
  maxBatchOps?: number;
  onProgress?: (p: OpsProgress) => unknown;
};

export type ApplyOpsSpec = RunOpsOptions & {
  ctx: RequestCtx;
  clusterId: string;
  /** What the audit trail calls it: "multi", "move", "import", "promote", … */
  operation: string;
  ops: PrimitiveOp[];
  /** Where the audit trail files it (default: the ops' common ancestor). */
  path?: string;
  targetPath?: string;
  reason?: string | null;
  details?: Record<string, unknown>;
};

/** Audited per op: what and where, the version it expected, the size and hash of the value. */
const MAX_AUDITED_OPS = 1000;
function auditedOps(ops: PrimitiveOp[]) {
  return ops.slice(0, MAX_AUDITED_OPS).map((o) => ({
    op: o.op,
    path: o.path,
    ...("version" in o ? { version: o.version } : {}),
    ...(o.op === "create" && o.flags ? { flags: o.flags } : {}),
    ...((o.op === "create" || o.op === "set") ? { bytes: o.data?.length ?? 0, sha256: sha256(o.data ?? Buffer.alloc(0)) } : {}),
    ...((o.op === "create" || o.op === "setAcl") && o.acl ? { acl: o.acl.map((e) => `${e.scheme}:${e.auth}:${permLetters(e.perms)}`) } : {}),
  }));
}

/**
 * What a stopped apply reports: with nothing applied, ZooKeeper's refusal naming the op (or the
 * connection error, for the pipeline to settle); after whole batches, how far it got.
 */
function stopped(e: Error & { stoppedAt?: StoppedAt; code?: string }, ops: PrimitiveOp[]): Error {
  const at = e.stoppedAt;
  if (!at) return e;
  const failed = isMultiRefusal(e) ? { index: at.from + e.index, op: e.op.op, path: e.op.path, code: e.code } : null;
  // The failing batch's answer was lost and a read-back could not tell: it may have been applied.
  const uncertain = isOutcomeUnknown(e) || e.code === "OUTCOME_UNKNOWN";
  const cause = isMultiRefusal(e) && at.size !== ops.length
    ? e.message.replace(/^operation (\d+) of \d+/, (_, n) => `operation ${at.from + Number(n)} of ${ops.length}`)
    : e.message;
  const details = {
    applied: at.applied, total: at.total, appliedBatches: at.batch, batches: at.batches,
    failedBatch: { index: at.batch, from: at.from, size: at.size }, uncertain, cause, ...(failed ? { failedOp: failed } : {}),
  };
  if (at.applied === 0) return isMultiRefusal(e) ? errors.multiRefused({ code: e.code, status: e.status, message: cause }, { ...details, codes: e.codes }) : e;
  const batch = `batch ${at.batch + 1} (operations ${at.from + 1}–${at.from + at.size})`;
  return errors.partialApply(
    `applied ${at.applied} of ${at.total} operations (batches 1–${at.batch} of ${at.batches}); ${uncertain ? `${batch} may or may not have been applied` : `${batch} applied nothing`} and nothing after it was sent: ${cause}`,
    details,
  );
}

/** The batches `ops` go in, every value within the cluster's limit; an atomic list that cannot be one multi is refused. */
function batchesOf(ops: PrimitiveOp[], cluster: Cluster, opts: Pick<RunOpsOptions, "atomic" | "maxBatchOps">) {
  for (const o of ops) if ((o.op === "create" || o.op === "set") && o.data) enforceSizeLimit(o.data, cluster, o.path);
  const maxBytes = maxRequestBytes(cluster);
  const batches = planBatches(ops, { maxOps: opts.atomic ? ops.length : opts.maxBatchOps, maxBytes });
  if (opts.atomic && batches.some((b) => b.kind === "setAcl")) throw errors.aclNotAtomic();
  if (opts.atomic && batches.length > 1) throw errors.multiTooLarge(batches.reduce((n, b) => n + b.bytes, 0), maxBytes);
  return batches;
}

/**
 * Apply `ops` on `client` inside a pipeline run: every node authorized (`touch`; checks as reads),
 * every value within the cluster's limit, then the batches in order.
 */
export async function runOps(client: ZkClient, cluster: Cluster, ops: PrimitiveOp[], auth: { ctx: RequestCtx; touch: (nodes: TouchedNode[]) => void }, opts: RunOpsOptions = {}): Promise<ApplyOpsResult> {
  auth.touch(await withCurrentAcls(client, touchedNodes(ops)));
  for (const path of checkedPaths(ops)) authorize(auth.ctx.actor, "read", cluster, path);
  const batches = batchesOf(ops, cluster, opts);
  const results = await applyBatches(client, batches, (p) => opts.onProgress?.({ phase: "applying", ...p })).catch((e) => {
    throw stopped(e, ops);
  });
  return { applied: results.length, total: ops.length, batches: batches.length, results };
}

/** Apply an op list as one audited change: the record lists every op and, after, how far it got. */
export async function applyOps(spec: ApplyOpsSpec): Promise<ApplyOpsResult> {
  for (const o of spec.ops) validatePath(o.path);
  return performMutation({
    ctx: spec.ctx, clusterId: spec.clusterId, operation: spec.operation, reason: spec.reason,
    path: spec.path ?? commonAncestor(spec.ops.map((o) => o.path)), targetPath: spec.targetPath,
    nodes: touchedNodes(spec.ops),
    details: { ...spec.details, atomic: !!spec.atomic, opCount: spec.ops.length, ops: auditedOps(spec.ops) },
    run: (client, cluster, touch) => runOps(client, cluster, spec.ops, { ctx: spec.ctx, touch }, spec),
    // Under a protected path: the same checks a direct apply makes first, then each op with its base.
    atomic: spec.atomic,
    plan: async (client, cluster) => {
      for (const path of checkedPaths(spec.ops)) authorize(spec.ctx.actor, "read", cluster, path);
      batchesOf(spec.ops, cluster, spec);
      return planOpList(client, spec.ops);
    },
    after: (r) => ({ details: { applied: r.applied, batches: r.batches } }),
  });
}
