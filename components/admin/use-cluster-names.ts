import { useCallback } from "react";
import { useClusters } from "@/lib/clusters/client/use-clusters";

/** Cluster id → name for grant texts (the id when the cluster is unknown). */
export function useClusterNames() {
  const clusters = useClusters();
  return useCallback((id: string) => clusters.data?.find((c) => c.id === id)?.name ?? id, [clusters.data]);
}
