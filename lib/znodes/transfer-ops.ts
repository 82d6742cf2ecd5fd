// A copy or move as primitive ops for the batch engine (lib/access/mutations): creates parents
// first under the target, deletes of the source children first at the versions read, and what a
// copy that stopped between batches reports.
import type { PrimitiveOp } from "@/lib/access/mutations";
import { errors } from "@/lib/core/errors";
import { joinPath } from "@/lib/core/zk/paths";
import type { SubtreeNode } from "./read-subtree";

export const absolute = (root: string, relative: string) => (relative === "" ? root : relative.split("/").reduce(joinPath, root));

export function transferOps(nodes: SubtreeNode[], target: string, withAcl: boolean): { creates: PrimitiveOp[]; deletes: PrimitiveOp[] } {
  const creates = [...nodes].sort((a, b) => a.depth - b.depth).map((n): PrimitiveOp => ({
    op: "create", path: absolute(target, n.relative), data: n.data, ...(withAcl && n.acl ? { acl: n.acl } : {}),
  }));
  const deletes = [...nodes].sort((a, b) => b.depth - a.depth).map((n): PrimitiveOp => ({ op: "delete", path: n.path, version: n.stat.version }));
  return { creates, deletes };
}

type Stopped = { applied: number; total: number; failedBatch: { from: number; size: number }; uncertain: boolean; cause: string };

/**
 * A copy that stopped: the whole batches before the failing one are created (listed), the failing
 * batch created nothing, or – its answer lost with the connection – may or may not have been.
 */
export function copyStopped(e: Error & { code?: string; details?: Record<string, unknown> }, creates: PrimitiveOp[], target: string): Error {
  const d = e.details as Stopped | undefined;
  if (e.code !== "PARTIAL_APPLY" || !d?.failedBatch) return e;
  const created = creates.slice(0, d.applied).map((o) => o.path);
  const lost = d.uncertain ? creates.slice(d.failedBatch.from, d.failedBatch.from + d.failedBatch.size).map((o) => o.path) : [];
  const failedPath = creates[d.failedBatch.from]?.path ?? target;
  const maybe = lost.length ? `; ${lost.length} more may or may not have been created (the connection was lost before ZooKeeper answered): ${lost.slice(0, 5).join(", ")}` : "";
  return errors.partialCopy(
    `the copy stopped at ${failedPath} (${d.cause}) after creating ${created.length} of ${creates.length} znodes under ${target}${maybe}; the source is untouched`,
    { created: created.length, total: creates.length, createdPaths: created.slice(0, 100), uncertain: lost.length, uncertainPaths: lost.slice(0, 100) },
  );
}
