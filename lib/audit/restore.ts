// "Restore this version": write an audited value back, only if the node is still at the version
// the operator saw. Goes through the one mutation path and is audited as `restore`.
import "server-only";
import { errors } from "@/lib/core/errors";
import type { RequestCtx } from "@/lib/core/context";
import { writeAtVersion } from "../znodes/set-data";
import { getAuditEntry } from "./query";
import { restorableValue } from "./restorable";
import { restoreInput } from "./schema";

export async function restoreVersion({ ctx, recordId, input }: { ctx: RequestCtx; recordId: string; input: unknown }) {
  const q = restoreInput.parse(input);
  const entry = await getAuditEntry(Number(recordId));
  if (!entry.cluster || !entry.path || entry.outcome !== "ok") {
    throw errors.notRestorable(`audit record ${entry.id} is not a successful change of a znode, so there is nothing to restore`);
  }
  const value = entry[q.side];
  const data = restorableValue(value);
  if (!data) {
    throw errors.notRestorable(`audit record ${entry.id} does not hold the complete value ${q.side} the change (there was none, or it was larger than the audit keeps), so it cannot be restored exactly`);
  }
  return writeAtVersion({
    ctx, clusterId: entry.cluster.id, path: entry.path, data, version: q.version, reason: q.reason, operation: "restore",
    details: { restoredFrom: entry.id, side: q.side, restoredVersion: value.version },
  });
}

/** The znode a restore of this record writes, for the route's permission check (null: nothing to restore). */
export async function restoreTarget(recordId: string): Promise<{ clusterId: string; path: string } | null> {
  const entry = await getAuditEntry(Number(recordId));
  return entry.cluster && entry.path ? { clusterId: entry.cluster.id, path: entry.path } : null;
}
