import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "./api-fetch";
import { clusterKeys } from "./keys";
import type { Cluster } from "./types";
import { apiUrls } from "./urls";

export function useClusters() {
  return useQuery({
    queryKey: clusterKeys.list(),
    queryFn: ({ signal }) => apiFetch<{ clusters: Cluster[] }>(apiUrls.clusters(), { signal }).then((r) => r.clusters),
    // Session state changes on its own (connect, expiry): keep the list fresh.
    refetchInterval: 10_000,
  });
}
