import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "./api-fetch";
import { clusterKeys } from "./keys";
import type { Cluster, ClusterInput } from "./types";
import { apiUrls } from "./urls";

export function useCreateCluster() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ClusterInput) =>
      apiFetch<{ cluster: Cluster }>(apiUrls.clusters(), { method: "POST", body: input }).then((r) => r.cluster),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: clusterKeys.all }),
  });
}
