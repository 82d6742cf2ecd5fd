// A znode's audited history: every operation on that exact path, newest first, with the value
// before and after. Whoever may read the node may read its history.
import "server-only";
import { authorize } from "@/lib/access/permissions";
import { clusterOf } from "@/lib/access/clusters";
import { db } from "@/lib/core/db/client";
import type { RequestCtx } from "@/lib/core/context";
import { validatePath } from "@/lib/core/zk/paths";
import { toEntry, type AuditEntry } from "./entry";
import { historyQuery } from "./schema";
import { isZnodeDataRecord, restorableValue } from "./restorable";

export const HISTORY_LIMIT = 200;

/** Which of an entry's values can be written back exactly. */
export type HistoryEntry = AuditEntry & { restorable: { before: boolean; after: boolean } };

export async function znodeHistory({ ctx, input }: { ctx: RequestCtx; input: unknown }): Promise<{ path: string; entries: HistoryEntry[] }> {
  const q = historyQuery.parse(input);
  const path = validatePath(q.path);
  const cluster = await clusterOf(ctx, q.clusterId);
  authorize(ctx.actor, "read", cluster, path);
  const rows = await db().auditRecord.findMany({
    where: { clusterId: cluster.id, kind: { in: ["intent", "event"] }, OR: [{ path }, { targetPath: path }] },
    orderBy: { id: "desc" },
    take: HISTORY_LIMIT,
    include: { outcomeRecord: true },
  });
  const entries = rows.map((r) => toEntry(r, r.outcomeRecord));
  const usable = (e: AuditEntry, v: AuditEntry["after"]) => isZnodeDataRecord(e) && e.path === path && restorableValue(v) !== null;
  return { path, entries: entries.map((e) => ({ ...e, restorable: { before: usable(e, e.before), after: usable(e, e.after) } })) };
}
