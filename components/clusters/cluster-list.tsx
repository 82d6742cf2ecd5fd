"use client";

import { ErrorBox } from "@/components/error-box";
import type { Cluster } from "@/lib/clusters/client/types";
import { useClusters } from "@/lib/clusters/client/use-clusters";
import { useDeleteCluster } from "@/lib/clusters/client/use-delete-cluster";
import { errorMessage } from "@/lib/core/client/api-fetch";
import { ClusterRow } from "./cluster-row";
import { useIsAdmin } from "./use-is-admin";

export function ClusterList() {
  const clusters = useClusters();
  const remove = useDeleteCluster();
  const isAdmin = useIsAdmin();

  function onRemove(cluster: Cluster) {
    if (!window.confirm(`Remove cluster "${cluster.name}"? This does not touch ZooKeeper itself.`)) return;
    remove.mutate(cluster.id);
  }

  if (clusters.isPending) return <p className="muted">Loading clusters…</p>;
  if (clusters.isError) return <ErrorBox error={clusters.error} />;
  return (
    <section aria-label="Clusters">
      {remove.error && <p className="error-text" role="alert">Could not remove: {errorMessage(remove.error)}</p>}
      {clusters.data.length === 0 ? (
        <p className="muted">{isAdmin ? "No clusters yet. Add one below." : "No clusters you have access to yet: ask an admin for a grant."}</p>
      ) : (
        <ul className="cluster-list">
          {clusters.data.map((cluster) => (
            <ClusterRow key={cluster.id} cluster={cluster} onRemove={onRemove} />
          ))}
        </ul>
      )}
    </section>
  );
}
