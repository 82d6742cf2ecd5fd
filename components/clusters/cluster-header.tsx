"use client";

import type { ReactNode } from "react";
import { EnvBadge } from "@/components/env-badge";
import { ErrorBox } from "@/components/error-box";
import { AlertBanner } from "@/components/health/alert-banner";
import { SessionStateLabel } from "@/components/session-state";
import { useCluster } from "@/lib/clusters/client/use-cluster";
import { useClusterPage } from "./cluster-context";
import { ClusterTabs } from "./cluster-tabs";

/**
 * The compact header of every cluster screen: name, environment colour, connection state
 * (explained on hover), the screens' tabs. `extra` takes what other areas add to it (badges).
 */
export function ClusterHeader({ extra }: { extra?: ReactNode }) {
  const { id, name } = useClusterPage();
  const cluster = useCluster(id);
  const environment = cluster.data?.environment ?? "other";
  return (
    <div className={`cluster-header env-line-${["prod", "staging", "dev"].includes(environment) ? environment : "other"}`}>
      <div className="cluster-heading">
        <h1>{cluster.data?.name ?? name}</h1>
        {cluster.data && (
          <>
            <EnvBadge environment={cluster.data.environment} />
            {cluster.data.readOnly && <span className="badge tag">read-only</span>}
            <SessionStateLabel session={cluster.data.session} />
            <code className="muted cluster-conn" title={cluster.data.connectionString}>{cluster.data.connectionString}</code>
          </>
        )}
        {extra}
      </div>
      {cluster.isError && <ErrorBox error={cluster.error} />}
      <ClusterTabs />
      <AlertBanner clusterId={id} />
    </div>
  );
}
