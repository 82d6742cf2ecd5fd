import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "./api-fetch";
import { clusterKeys } from "./keys";
import type { Cluster } from "./types";
import { apiUrls } from "./urls";

export function useCluster(id: string) {
  return useQuery({
    queryKey: clusterKeys.detail(id),
    queryFn: ({ signal }) => apiFetch<{ cluster: Cluster }>(apiUrls.cluster(id), { signal }).then((r) => r.cluster),
    refetchInterval: 10_000,
  });
}
