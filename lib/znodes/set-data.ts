import "server-only";
import { performMutation, type RequestCtx } from "@/lib/access/mutations";
import { validatePath } from "@/lib/core/zk/paths";
import { ZkError } from "@/lib/core/zk/errors";
import type { RawStat } from "@/lib/core/zk/client";
import { auditValue } from "@/lib/access/audit/values";
import { formatStat } from "./format";
import { decodeData, setInput } from "./schema";
import { enforceSizeLimit } from "@/lib/core/zk/request-size";
import { planSet } from "./plan-ops";
import { conflict } from "./conflict";

export { conflict, versionConflictDetails } from "./conflict";

/** Replace a znode's data, only if it is still at the version the operator saw. */
export async function setData({ ctx, clusterId, path: rawPath, input }: { ctx: RequestCtx; clusterId: string; path: string; input: unknown }) {
  const path = validatePath(rawPath);
  const q = setInput.parse(input);
  return writeAtVersion({ ctx, clusterId, path, data: decodeData(q.data, q.encoding), version: q.version, reason: q.reason, operation: "set" });
}

/**
 * The version-checked set shared by every verb that replaces data (set, restore): size limit,
 * audited before/after, a conflict with theirs on a stale version, a read-back when the answer was lost.
 */
export async function writeAtVersion(w: { ctx: RequestCtx; clusterId: string; path: string; data: Buffer; version: number; reason?: string | null; operation: string; details?: Record<string, unknown> }) {
  const { path, data, version } = w;
  let seen: RawStat | null = null;
  return performMutation({
    ctx: w.ctx, clusterId: w.clusterId, operation: w.operation, path, nodes: [{ path, action: "set" }], reason: w.reason, details: w.details,
    before: async (client, cluster) => {
      enforceSizeLimit(data, cluster, path);
      const current = await client.get(path);
      seen = current.stat;
      return { ...auditValue(current.data), version: current.stat.version };
    },
    run: async (client) => {
      try {
        return formatStat(await client.set(path, data, version));
      } catch (e) {
        if (e instanceof ZkError && e.code === "BAD_VERSION") throw await conflict(client, path, version);
        throw e;
      }
    },
    plan: async (client, cluster) => {
      enforceSizeLimit(data, cluster, path);
      return planSet(client, path, data, version);
    },
    after: (stat) => ({ after: { ...auditValue(data), version: stat.version } }),
    // The answer was lost: a set at version v either made the node v+1 with our bytes, or did not happen.
    readBack: async (client) => {
      await client.sync(path);
      const now = await client.get(path).catch(() => null);
      if (!now || !seen || now.stat.czxid !== seen.czxid) return null;
      if (now.stat.version === version) return { applied: false };
      if (now.stat.version !== version + 1) return null;
      return now.data.equals(data) ? { applied: true, result: formatStat(now.stat) } : { applied: false };
    },
  });
}
