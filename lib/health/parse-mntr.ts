// `mntr` (tab-separated key/value lines) and the AdminServer's `monitor` JSON, both
// reduced to the same summary.
import type { Mode } from "./parse-srvr";

export type MntrSummary = {
  version: string | null;
  mode: Mode | null;
  latency: { min: number; avg: number; max: number } | null;
  outstanding: number | null;
  znodeCount: number | null;
  watchCount: number | null;
  ephemerals: number | null;
  dataSize: number | null;
  openFds: number | null;
  maxFds: number | null;
  connections: number | null;
  /** Leader only. */
  learners: number | null;
  syncedFollowers: number | null;
  syncedObservers: number | null;
  pendingSyncs: number | null;
  quorumSize: number | null;
};

export function parseMntrLines(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split("\n")) {
    const tab = line.indexOf("\t");
    if (tab > 0) out[line.slice(0, tab).trim()] = line.slice(tab + 1).trim();
  }
  return out;
}

export function parseMntr(text: string): MntrSummary {
  const kv = parseMntrLines(text);
  return summarize((key) => kv[`zk_${key}`]);
}

/** The AdminServer `monitor` command answers the same keys without the zk_ prefix. */
export function summarizeMonitorJson(json: Record<string, unknown>): MntrSummary {
  return summarize((key) => {
    const v = json[key];
    return v === undefined || v === null ? undefined : String(v);
  });
}

function summarize(get: (key: string) => string | undefined): MntrSummary {
  const num = (key: string) => {
    const v = get(key);
    return v === undefined || v === "" || !Number.isFinite(Number(v)) ? null : Number(v);
  };
  const state = get("server_state");
  const min = num("min_latency"), avg = num("avg_latency"), max = num("max_latency");
  return {
    version: get("version") ?? null,
    mode: state && ["leader", "follower", "observer", "standalone", "read-only"].includes(state) ? (state as Mode) : null,
    latency: min !== null && avg !== null && max !== null ? { min, avg, max } : null,
    outstanding: num("outstanding_requests"),
    znodeCount: num("znode_count"),
    watchCount: num("watch_count"),
    ephemerals: num("ephemerals_count"),
    dataSize: num("approximate_data_size"),
    openFds: num("open_file_descriptor_count"),
    maxFds: num("max_file_descriptor_count"),
    connections: num("num_alive_connections"),
    learners: num("learners") ?? num("followers"),
    syncedFollowers: num("synced_followers"),
    syncedObservers: num("synced_observers"),
    pendingSyncs: num("pending_syncs"),
    quorumSize: num("quorum_size"),
  };
}
