// "Restore this version": write an audited value back, only if the node is still at the version
// the operator saw. Goes through the one mutation path and is audited as `restore`.
import "server-only";
import { ConsoleError } from "../errors";
import { performMutation } from "../mutations/perform";
import type { RequestCtx } from "../mutations/context";
import { ZkError } from "../zk/errors";
import { formatStat } from "../znodes/format";
import { conflict } from "../znodes/set-data";
import { enforceSizeLimit } from "../znodes/size-limit";
import { getAuditEntry } from "./query";
import { restorableValue } from "./restorable";
import { restoreInput } from "./schema";
import { auditValue } from "./values";

export async function restoreVersion({ ctx, recordId, input }: { ctx: RequestCtx; recordId: string; input: unknown }) {
  const q = restoreInput.parse(input);
  const entry = await getAuditEntry(Number(recordId));
  if (!entry.cluster || !entry.path || entry.outcome !== "ok") {
    throw new ConsoleError("NOT_RESTORABLE", 409, `audit record ${entry.id} is not a successful change of a znode, so there is nothing to restore`);
  }
  const value = entry[q.side];
  const data = restorableValue(value);
  if (!data) {
    throw new ConsoleError("NOT_RESTORABLE", 409, `audit record ${entry.id} does not hold the complete value ${q.side} the change (there was none, or it was larger than the audit keeps), so it cannot be restored exactly`);
  }
  const path = entry.path;
  return performMutation({
    ctx, clusterId: entry.cluster.id, operation: "restore", action: "write", path, reason: q.reason,
    details: { restoredFrom: entry.id, side: q.side, restoredVersion: value.version },
    before: async (client, cluster) => {
      enforceSizeLimit(data, cluster, path);
      const current = await client.get(path);
      return { ...auditValue(current.data), version: current.stat.version };
    },
    run: async (client) => {
      try {
        return formatStat(await client.set(path, data, q.version));
      } catch (e) {
        if (e instanceof ZkError && e.code === "BAD_VERSION") throw await conflict(client, path, q.version);
        throw e;
      }
    },
    after: (stat) => ({ after: { ...auditValue(data), version: stat.version } }),
  });
}
