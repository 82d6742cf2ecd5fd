// A write whose answer was lost (the connection dropped, ZooKeeper did not answer in time) may or
// may not have been applied. Where ZooKeeper's session guarantees allow it, a read after the
// reconnect decides; otherwise the operator and the audit trail are told the outcome is unknown.
import "server-only";
import { clusterClient } from "../cluster-session";
import { errors } from "@/lib/core/errors";
import type { Cluster } from "@/lib/core/db/generated/prisma/client";
import type { ZkClient } from "@/lib/core/zk/client";
import { isDecidableByReadBack, isOutcomeUnknown } from "@/lib/core/zk/errors";

/** What a read after the reconnect says about the lost write; null when it cannot tell. */
export type ReadBack<T> = (client: ZkClient, cluster: Cluster) => Promise<{ applied: true; result: T } | { applied: false } | null>;

export type Settled<T> =
  | { outcome: "ok"; result: T; cause: string }
  | { outcome: "failed" | "unknown"; error: Error };

const WHY: Record<string, string> = {
  CONNECTION_LOSS: "the connection to ZooKeeper was lost before it answered",
  OPERATION_TIMEOUT: "ZooKeeper did not answer in time",
  SESSION_MOVED: "the session moved to another ZooKeeper server during the request",
};

export async function readBackUnknown<T>(err: Error, spec: { operation: string; path: string; readBack?: ReadBack<T> }, cluster: Cluster): Promise<Settled<T>> {
  if (!isOutcomeUnknown(err)) return { outcome: "failed", error: err };
  const why = err.local === "process" ? "the cluster's session worker ended before ZooKeeper answered" : WHY[err.code];
  if (spec.readBack && isDecidableByReadBack(err)) {
    // getClient waits for the reconnect (at most the session timeout from the loss).
    const verdict = await clusterClient(cluster).then((c) => spec.readBack!(c, cluster)).catch(() => null);
    if (verdict?.applied) return { outcome: "ok", result: verdict.result, cause: err.code };
    if (verdict) {
      return { outcome: "failed", error: errors.notApplied(why, spec.operation, spec.path) };
    }
  }
  return {
    outcome: "unknown",
    error: errors.outcomeUnknown(why, spec.operation, spec.path, err.code),
  };
}
