import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/core/client/api-fetch";
import { clusterKeys } from "./keys";
import type { ClusterList } from "./types";
import { clusterUrls } from "./urls";

export function useClusters() {
  return useQuery({
    queryKey: clusterKeys.list(),
    queryFn: ({ signal }) => apiFetch<ClusterList>(clusterUrls.clusters(), { signal }).then((r) => r.clusters),
    // Session state changes on its own (connect, expiry): keep the list fresh.
    refetchInterval: 10_000,
  });
}
