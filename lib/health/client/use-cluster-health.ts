import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/core/client/api-fetch";
import { healthKeys } from "./keys";
import type { ClusterHealth } from "./types";
import { healthUrls } from "./urls";

/** Live health of a cluster: every member probed on each fetch, refreshed every 10 s. */
export function useClusterHealth(clusterId: string) {
  return useQuery({
    queryKey: healthKeys.now(clusterId),
    queryFn: ({ signal }) => apiFetch<ClusterHealth>(healthUrls.health(clusterId), { signal }),
    refetchInterval: 10_000,
  });
}
