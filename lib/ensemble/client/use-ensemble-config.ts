import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/core/client/api-fetch";
import { ensembleKeys } from "./keys";
import type { EnsembleConfigView } from "./types";
import { ensembleUrls } from "./urls";

/** The cluster's dynamic configuration (/zookeeper/config), for reconfiguration. */
export function useEnsembleConfig(clusterId: string) {
  return useQuery({
    queryKey: ensembleKeys.config(clusterId),
    queryFn: ({ signal }) => apiFetch<EnsembleConfigView>(ensembleUrls.config(clusterId), { signal }),
  });
}
