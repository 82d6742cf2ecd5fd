import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/core/client/api-fetch";
import { clusterKeys } from "./keys";
import type { ClusterAnswer, ClusterInput, ClusterSecurityInput } from "./types";
import { clusterUrls } from "./urls";

export function useCreateCluster() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ClusterInput & ClusterSecurityInput) =>
      apiFetch<ClusterAnswer>(clusterUrls.clusters(), { method: "POST", body: input }).then((r) => r.cluster),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: clusterKeys.all }),
  });
}
