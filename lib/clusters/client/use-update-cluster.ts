import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/core/client/api-fetch";
import { clusterKeys } from "./keys";
import type { ClusterAnswer, ClusterInput, ClusterSecurityInput } from "./types";
import { clusterUrls } from "./urls";

export function useUpdateCluster(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: Partial<ClusterInput> & ClusterSecurityInput) =>
      apiFetch<ClusterAnswer>(clusterUrls.cluster(id), { method: "PATCH", body: patch }).then((r) => r.cluster),
    onSuccess: (cluster) => {
      queryClient.setQueryData(clusterKeys.detail(id), cluster);
      return queryClient.invalidateQueries({ queryKey: clusterKeys.list() });
    },
  });
}
