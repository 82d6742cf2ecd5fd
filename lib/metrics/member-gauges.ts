// The health sampler's view of every member as Prometheus gauges (prefix zookeeper_, labelled by
// cluster and member), from the newest stored sample of each cluster (lib/health): an existing
// Prometheus and Grafana graph every ensemble through the console.
import "server-only";
import type { HealthSample } from "@/lib/core/db/generated/prisma/client";
import { parseZxid, zxidLag } from "@/lib/health";
import { gauge } from "./gauges";

const MODES = ["leader", "follower", "observer", "standalone", "read-only"] as const;
const L = ["cluster", "member"] as const;

const g = () => ({
  up: gauge("zookeeper_up", "1 when the member answered the sampler's last probe", L),
  mode: gauge("zookeeper_mode", "1 for the member's mode in the last sample (one series per mode)", [...L, "mode"] as const),
  latencyAvg: gauge("zookeeper_latency_avg_seconds", "Average request latency the member reports (srvr/mntr)", L),
  latencyMax: gauge("zookeeper_latency_max_seconds", "Largest request latency the member reports (srvr/mntr)", L),
  outstanding: gauge("zookeeper_outstanding_requests", "Requests queued on the member", L),
  znodes: gauge("zookeeper_znode_count", "Znodes in the member's data tree", L),
  ephemerals: gauge("zookeeper_ephemerals_count", "Ephemeral znodes on the member", L),
  watches: gauge("zookeeper_watch_count", "Watches set on the member", L),
  connections: gauge("zookeeper_connections", "Client connections to the member", L),
  synced: gauge("zookeeper_synced_followers", "Followers in sync with the leader (the leader's count)", L),
  lag: gauge("zookeeper_zxid_lag", "Transactions the member's last zxid is behind the leader's (same epoch only)", L),
  lagEpochs: gauge("zookeeper_zxid_lag_epochs", "Leader epochs the member's last zxid is behind the leader's", L),
  sampledAt: gauge("zookeeper_sample_timestamp_seconds", "When the sample these values come from was taken (Unix time)", L),
});

const set = (gauge: { set: (labels: Record<string, string>, v: number) => void }, labels: Record<string, string>, v: number | null | undefined) => {
  if (v !== null && v !== undefined && Number.isFinite(v)) gauge.set(labels, v);
};

/** Replace every member series with these samples (cluster names by id; samples of unknown clusters are skipped). */
export function setMemberGauges(samples: HealthSample[], clusterNames: Map<string, string>): void {
  const m = g();
  for (const x of Object.values(m)) x.reset();
  const leaders = new Map(samples.filter((s) => s.mode === "leader").map((s) => [s.clusterId, parseZxid(s.zxid)]));
  for (const s of samples) {
    const cluster = clusterNames.get(s.clusterId);
    if (cluster === undefined) continue;
    const labels = { cluster, member: s.member };
    m.up.set(labels, s.up ? 1 : 0);
    m.sampledAt.set(labels, s.at.getTime() / 1000);
    if (!s.up) continue;
    for (const mode of MODES) if (s.mode) m.mode.set({ ...labels, mode }, s.mode === mode ? 1 : 0);
    set(m.latencyAvg, labels, s.latencyAvg === null ? null : s.latencyAvg / 1000);
    set(m.latencyMax, labels, s.latencyMax === null ? null : s.latencyMax / 1000);
    set(m.outstanding, labels, s.outstanding);
    set(m.znodes, labels, s.znodeCount);
    set(m.ephemerals, labels, s.ephemerals);
    set(m.watches, labels, s.watchCount);
    set(m.connections, labels, s.connections);
    const leader = leaders.get(s.clusterId);
    const zxid = parseZxid(s.zxid);
    if (leader && zxid) {
      // The members are probed one after another: a follower may report a zxid past the leader's.
      const lag = zxidLag(leader, zxid);
      set(m.lagEpochs, labels, Math.max(0, lag.epochs));
      set(m.lag, labels, lag.transactions === null ? null : Math.max(0, lag.transactions));
    }
  }
}
