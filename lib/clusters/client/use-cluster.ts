import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/core/client/api-fetch";
import { clusterKeys } from "./keys";
import type { ClusterAnswer } from "./types";
import { clusterUrls } from "./urls";

export function useCluster(id: string) {
  return useQuery({
    queryKey: clusterKeys.detail(id),
    queryFn: ({ signal }) => apiFetch<ClusterAnswer>(clusterUrls.cluster(id), { signal }).then((r) => r.cluster),
    refetchInterval: 10_000,
  });
}
