import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "./api-fetch";
import { healthKeys, healthUrls } from "./health-keys";
import type { EnsembleConfigView } from "./health-types";

/** The cluster's dynamic configuration (/zookeeper/config), for reconfiguration. */
export function useEnsembleConfig(clusterId: string) {
  return useQuery({
    queryKey: healthKeys.config(clusterId),
    queryFn: ({ signal }) => apiFetch<EnsembleConfigView>(healthUrls.config(clusterId), { signal }),
  });
}
