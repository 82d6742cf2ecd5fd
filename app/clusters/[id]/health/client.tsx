"use client";

import { ErrorBox } from "@/components/error-box";
import { ReconfigPanel } from "@/components/ensemble/reconfig-panel";
import { useClusterHealth } from "@/lib/health/client/use-cluster-health";
import { AlertsList } from "@/components/health/alerts-list";
import { ago } from "@/components/health/format";
import { HistoryCharts } from "@/components/health/history-charts";
import { LagTable } from "@/components/health/lag-table";
import { MembersTable } from "@/components/health/members-table";
import { QuorumPanel } from "@/components/health/quorum-panel";
import "@/components/health/health.css";

export function HealthScreen({ clusterId }: { clusterId: string }) {
  const health = useClusterHealth(clusterId);
  return (
    <div className="page">
      {health.isPending ? <p className="muted">Probing members…</p> : health.isError ? <ErrorBox error={health.error} /> : (
        <>
          <p className="muted">
            Checked {ago(health.data.checkedAt)}; members from {health.data.membership ? (health.data.membership.source === "dynamic-config" ? "the dynamic config and the connection string" : "the members' conf and the connection string") : "the connection string"}.
            {health.data.configNote ? ` ${health.data.configNote}` : ""}
          </p>
          <QuorumPanel quorum={health.data.quorum} />
          <MembersTable members={health.data.members} />
          <LagTable lag={health.data.lag} />
          <HistoryCharts clusterId={clusterId} />
          <AlertsList clusterId={clusterId} webhookConfigured={health.data.cluster.webhookConfigured} />
          {health.data.membership?.source === "dynamic-config" && !health.data.quorum.standalone && (
            <ReconfigPanel clusterId={clusterId} canAdmin={health.data.canAdmin} />
          )}
        </>
      )}
    </div>
  );
}
