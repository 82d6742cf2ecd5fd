// One sample of one cluster: probe (four-letter words, AdminServer), write a HealthSample
// per member, reconcile alerts.
import "server-only";
import { db } from "@/lib/core/db/client";
import type { Cluster } from "@/lib/core/db/generated/prisma/client";
import { alertConditions, leaderChange } from "./alert-conditions";
import { inspectEnsemble, type EnsembleView } from "./inspect-ensemble";
import { recordAlerts } from "./record-alerts";

const SAMPLE_WORDS = ["ruok", "srvr", "mntr", "conf", "wchs", "isro"] as const;

export async function sampleCluster(cluster: Cluster, previousLeader: string | null): Promise<EnsembleView> {
  const view = await inspectEnsemble(cluster, { words: [...SAMPLE_WORDS] });
  const at = new Date(view.checkedAt);
  await db().healthSample.createMany({
    data: view.members.filter((m) => m.state !== "unknown").map((m) => ({
      clusterId: cluster.id, member: m.address, at, up: m.state === "up" || m.state === "restricted", mode: m.mode, zxid: m.zxid?.hex ?? null,
      latencyMin: m.latency?.min ?? null, latencyAvg: m.latency?.avg ?? null, latencyMax: m.latency?.max ?? null,
      outstanding: m.outstanding, znodeCount: m.znodeCount, watchCount: m.watchCount, connections: m.connections, ephemerals: m.ephemerals,
      dataSize: m.dataSize, openFds: m.openFds, maxFds: m.maxFds, error: m.error ?? (m.fix ? m.fix : null),
    })),
  });
  const change = leaderChange(previousLeader, view);
  await recordAlerts(cluster, alertConditions(view, { latencyAlertMs: cluster.latencyAlertMs }), change ? [change] : []);
  return view;
}

/** The leader the last stored sample saw, so a restart of the console still notices a change. */
export async function lastKnownLeader(clusterId: string): Promise<string | null> {
  const row = await db().healthSample.findFirst({ where: { clusterId, mode: "leader" }, orderBy: { at: "desc" }, select: { member: true } });
  return row?.member ?? null;
}
