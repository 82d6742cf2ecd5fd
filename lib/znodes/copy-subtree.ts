import "server-only";
import { z } from "zod";
import type { Progress as CoreProgress } from "@/lib/core/http/progress";
import { clusterOf } from "@/lib/access/clusters";
import { errors } from "@/lib/core/errors";
import { authorizeNodes, b64, performMutation, planBatches, runOps, touchedNodes, type OpsProgress, type PlannedOp, type RequestCtx, type TouchedNode } from "@/lib/access/mutations";
import { refuseIfProtected } from "@/lib/access/changes/intercept";
import { parentOf, validatePath } from "@/lib/core/zk/paths";
import type { ZkClient } from "@/lib/core/zk/client";
import { relativeTo, subtreeNodes, type SubtreeNode } from "./read-subtree";
import { absolute, copyStopped, transferOps } from "./transfer-ops";
import { maxRequestBytes } from "@/lib/core/zk/request-size";
import { reason } from "./schema";
import { isOutcomeUnknown, isZkCode } from "@/lib/core/zk/errors";
import { retryAfterConnectionLoss as again } from "@/lib/core/zk/retry";

const MAX_SKIPPED_LISTED = 100;

export const copyInput = z.object({
  source: z.string(),
  target: z.string(),
  targetClusterId: z.string().optional(),
  withAcl: z.boolean().default(false),
  move: z.boolean().default(false),
  reason,
}).strict();

export type Progress = CoreProgress & { phase: "reading" | "writing" | "verifying" | "deleting" };

async function verifyCopy(target: ZkClient, root: string, nodes: SubtreeNode[], onProgress: (p: Progress) => unknown) {
  let done = 0;
  const mismatched: string[] = [];
  let i = 0;
  await Promise.all(Array.from({ length: 64 }, async () => {
    while (i < nodes.length) {
      const n = nodes[i++];
      const path = absolute(root, n.relative);
      const got = await again(() => target.get(path)).catch((e) => {
        if (isZkCode(e, "NO_NODE")) return null;
        throw e;
      });
      if (!got || !got.data.equals(n.data)) mismatched.push(path);
      await onProgress({ phase: "verifying", done: ++done, total: nodes.length });
    }
  }));
  return mismatched;
}

/** The source must be exactly as read (no change since) before a move deletes it in batches. */
async function assertSourceUnchanged(source: ZkClient, nodes: SubtreeNode[]) {
  for (const n of nodes) {
    const now = await again(() => source.exists(n.path));
    if (!now || now.mzxid !== n.stat.mzxid || now.pzxid !== n.stat.pzxid) throw errors.sourceChanged(n.path);
  }
}

/** Copy (or move) a subtree within a cluster or to another registered cluster. */
export async function copySubtree({ ctx, clusterId, input, onProgress = () => {}, batchOps }: { ctx: RequestCtx; clusterId: string; input: unknown; onProgress?: (p: Progress) => unknown; batchOps?: number }) {
  const q = copyInput.parse(input);
  const source = validatePath(q.source);
  const target = validatePath(q.target);
  const targetClusterId = q.targetClusterId ?? clusterId;
  const sameCluster = targetClusterId === clusterId;
  if (sameCluster && (target === source || target.startsWith(source === "/" ? "/" : source + "/"))) {
    throw errors.targetInsideSource(target, source);
  }
  if (source === "/" || source === "/zookeeper") throw errors.notCopyable(source);
  const sourceCluster = await clusterOf(ctx, clusterId);
  const sourceClientOf = () => ctx.clusterSession(clusterId, source).then((s) => s.client); // the read check on the source
  if (q.move) authorizeNodes(ctx.actor, sourceCluster, [{ path: source, action: "delete" }]);
  else await sourceClientOf();
  // The pipeline holds writes of the target cluster for review; a move's deletes on another cluster cannot join that request.
  if (q.move && !sameCluster) await refuseIfProtected(ctx, sourceCluster, [source], "move between clusters", q.reason);

  /** Checks and reads before the first write: nothing is created if they fail. */
  const readSource = async (targetClient: ZkClient, report = onProgress) => {
    const sourceClient = sameCluster ? targetClient : await sourceClientOf();
    if (await again(() => targetClient.exists(target))) throw errors.targetExists(target);
    if (!(await again(() => targetClient.exists(parentOf(target))))) throw errors.noParent(`the target's parent ${parentOf(target)} does not exist; create it first`);
    const nodes: SubtreeNode[] = [];
    // A znode the console's session may not read is left out with its subtree and listed; the copy goes on.
    const skipped: string[] = [];
    let skippedCount = 0;
    const onUnreadable = (path: string) => {
      if (path === source) throw errors.sourceUnreadable(source);
      if (skippedCount++ < MAX_SKIPPED_LISTED) skipped.push(relativeTo(source, path));
    };
    for await (const n of subtreeNodes(sourceClient, source, { withAcl: q.withAcl, onUnreadable })) {
      nodes.push(n);
      await report({ phase: "reading", done: nodes.length, total: nodes.length });
    }
    if (nodes.length === 0) throw errors.noNode(source);
    // A move cannot delete what it cannot read (nor its parents): refused before the first write.
    if (q.move && skippedCount) throw errors.moveLeavesUnreadable(source, skipped.map((r) => absolute(source, r)), skippedCount);
    return { sourceClient, nodes, skipped, skippedCount };
  };

  return performMutation({
    ctx, clusterId: targetClusterId, operation: q.move ? "move" : "copy", path: target, nodes: [{ path: target, action: "create" }, ...(q.move && sameCluster ? [{ path: source, action: "delete" as const }] : [])], reason: q.reason,
    details: { sourceClusterId: clusterId, sourceClusterName: sourceCluster.name, source, target, withAcl: q.withAcl },
    plan: async (targetClient) => {
      if (q.move && !sameCluster) throw errors.reviewUnsupported("move between clusters", target);
      const { nodes } = await readSource(targetClient, () => {});
      const creates = nodes.map((n): PlannedOp => ({ op: "create", path: absolute(target, n.relative), data: b64(n.data), flags: 0, acl: q.withAcl ? n.acl : undefined, base: null }));
      const deletes = q.move ? [...nodes].sort((a, b) => b.depth - a.depth).map((n): PlannedOp => ({ op: "delete", path: n.path, version: n.stat.version, base: { version: n.stat.version } })) : [];
      return [...creates, ...deletes];
    },
    run: async (targetClient, targetCluster, touch) => {
      const { sourceClient, nodes, skipped, skippedCount } = await readSource(targetClient).catch((e) => {
        if (!isOutcomeUnknown(e)) throw e;
        throw errors.copyDidNotStart((e as Error).message.replace(/; it may or may not.*$/, ""));
      });
      const { creates, deletes } = transferOps(nodes, target, q.withAcl);
      // On the same cluster the deletes go through this mutation's client; on another, through that cluster's.
      const sourceAuth = { ctx, touch: sameCluster ? touch : (n: TouchedNode[]) => authorizeNodes(ctx.actor, sourceCluster, n) };
      // Every node it will create (with the source's ACL: an ACL change like any other), and for a
      // move every node it will delete, checked before the first write.
      touch(touchedNodes(creates));
      if (q.move) sourceAuth.touch(touchedNodes(deletes));
      // A move that fits one request is one multi: moved entirely, or not at all.
      const atomicMove = q.move && sameCluster && planBatches([...creates, ...deletes], { maxOps: batchOps, maxBytes: maxRequestBytes(targetCluster) }).length === 1;
      const writing = (p: OpsProgress) => onProgress({ phase: "writing", done: p.done, total: p.total });
      await runOps(targetClient, targetCluster, atomicMove ? [...creates, ...deletes] : creates, { ctx, touch }, { atomic: atomicMove, maxBatchOps: batchOps, onProgress: writing })
        .catch((e) => { throw copyStopped(e, creates, target); });
      const mismatched = await verifyCopy(targetClient, target, nodes, onProgress).catch((e) => {
        throw errors.copyUnreadable(nodes.length, target, (e as Error).message);
      });
      if (mismatched.length) {
        throw errors.copyMismatch(mismatched);
      }
      if (q.move && !atomicMove) {
        await assertSourceUnchanged(sourceClient, nodes);
        await runOps(sourceClient, sourceCluster, deletes, sourceAuth, { maxBatchOps: batchOps, onProgress: (p) => onProgress({ phase: "deleting", done: p.done, total: p.total }) })
          .catch((e) => { throw errors.partialMoveDelete(source, (e as Error).message, (e as { details?: Record<string, unknown> }).details ?? {}); });
      }
      const ephemerals = nodes.filter((n) => !/^0*$/.test(String(n.stat.ephemeralOwner))).length;
      // skipped: relative to the source, at most MAX_SKIPPED_LISTED listed (skippedCount counts all).
      return { copied: nodes.length, verified: true, sourceDeleted: q.move, atomic: atomicMove, ephemeralsCopiedAsPersistent: ephemerals, target, targetClusterId, skipped, skippedCount };
    },
    after: (r) => ({ details: { ...r, source, sourceClusterId: clusterId } }),
  });
}
