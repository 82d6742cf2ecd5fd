// "Restore this version": write an audited value back, only if the node is still at the version
// the operator saw. Goes through the one mutation path and is audited as `restore`. Only a
// record of a znode's data is restorable, and a caller who may not change that znode hears the
// same as for a record that does not exist (the route's `hidden` answer): no oracle for which
// records, clusters or paths exist.
import "server-only";
import { errors } from "@/lib/core/errors";
import type { RequestCtx } from "@/lib/core/context";
import { writeAtVersion } from "../znodes/set-data";
import { auditRecordId, findAuditEntry } from "./query";
import { isZnodeDataRecord, restorableValue } from "./restorable";
import { restoreInput } from "./schema";

/** The record when it is a successful change of a znode's data, else null (whatever else it is). */
async function dataRecord(recordId: string) {
  const entry = /^[1-9]\d{0,15}$/.test(recordId) ? await findAuditEntry(auditRecordId(recordId)) : null;
  return entry && isZnodeDataRecord(entry) ? entry : null;
}

export async function restoreVersion({ ctx, recordId, input }: { ctx: RequestCtx; recordId: string; input: unknown }) {
  const entry = await dataRecord(recordId);
  if (!entry) throw errors.noRestorableRecord(recordId);
  const q = restoreInput.parse(input);
  const value = entry[q.side];
  const data = restorableValue(value);
  if (!data) {
    throw errors.notRestorable(`audit record ${entry.id} does not hold the complete value ${q.side} the change (there was none, or it was larger than the audit keeps), so it cannot be restored exactly`);
  }
  return writeAtVersion({
    ctx, clusterId: entry.cluster!.id, path: entry.path!, data, version: q.version, reason: q.reason, operation: "restore",
    details: { restoredFrom: entry.id, side: q.side, restoredVersion: value.version },
  });
}

/** The znode a restore of this record writes, for the route's permission check (null: nothing restorable). */
export async function restoreTarget(recordId: string): Promise<{ clusterId: string; path: string } | null> {
  const entry = await dataRecord(recordId);
  return entry && { clusterId: entry.cluster!.id, path: entry.path! };
}
