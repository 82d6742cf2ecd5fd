"use client";

import { EnvBadge } from "@/components/env-badge";
import { ErrorBox } from "@/components/error-box";
import { ClusterTabs } from "@/components/clusters/cluster-tabs";
import { AlertBanner } from "@/components/health/alert-banner";
import { SessionStateLabel } from "@/components/session-state";
import { useCluster } from "@/lib/clusters/client/use-cluster";

export function ClusterHeading({ clusterId }: { clusterId: string }) {
  const cluster = useCluster(clusterId);
  if (cluster.isPending) return <p className="muted">Loading cluster…</p>;
  if (cluster.isError) return <ErrorBox error={cluster.error} />;
  const { name, environment, readOnly, session, connectionString } = cluster.data;
  return (
    <>
      <div className="cluster-heading">
        <h1>{name}</h1>
        <EnvBadge environment={environment} />
        {readOnly && <span className="badge tag">read-only</span>}
        <SessionStateLabel session={session} />
        <code className="muted">{connectionString}</code>
      </div>
      <ClusterTabs clusterId={clusterId} />
      <AlertBanner clusterId={clusterId} />
    </>
  );
}
