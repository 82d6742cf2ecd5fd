// The console's own state at scrape time (prefix zkconsole_): its ZooKeeper sessions by state,
// watched paths and live viewers, per cluster.
import "server-only";
import { sessionStates, type SessionState } from "@/lib/core/zk/sessions";
import { watchStats } from "@/lib/watch";
import { gauge } from "./gauges";

const STATES: SessionState[] = ["idle", "connecting", "connected", "expired", "failed"];

export function setConsoleGauges(clusterNames: Map<string, string>): void {
  const sessions = gauge("zkconsole_zookeeper_sessions", "The console's ZooKeeper sessions by cluster and state (one per cluster in use)", ["cluster", "state"]);
  const watches = gauge("zkconsole_watched_paths", "Znode paths the console watches for live viewers (lingering ones included)", ["cluster"]);
  const viewers = gauge("zkconsole_live_viewers", "Live change streams open", ["cluster"]);
  sessions.reset();
  watches.reset();
  viewers.reset();
  const counts = new Map<string, Map<SessionState, number>>();
  for (const { clusterId, state } of sessionStates()) {
    const cluster = clusterNames.get(clusterId);
    if (cluster === undefined) continue; // a session of a cluster removed meanwhile
    const byState = counts.get(cluster) ?? new Map(STATES.map((s) => [s, 0]));
    counts.set(cluster, byState.set(state, (byState.get(state) ?? 0) + 1));
  }
  for (const [cluster, byState] of counts) for (const [state, n] of byState) sessions.set({ cluster, state }, n);
  for (const w of watchStats()) {
    const cluster = clusterNames.get(w.clusterId);
    if (cluster === undefined) continue;
    watches.set({ cluster }, w.watches);
    viewers.set({ cluster }, w.viewers);
  }
}
