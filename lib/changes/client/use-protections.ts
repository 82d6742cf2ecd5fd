import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/core/client/api-fetch";
import { changeKeys } from "./keys";
import type { ProtectionList } from "./types";
import { changeUrls } from "./urls";

export function useProtections(clusterId: string) {
  return useQuery({
    queryKey: changeKeys.protections(clusterId),
    enabled: !!clusterId,
    queryFn: ({ signal }) => apiFetch<ProtectionList>(changeUrls.protections(clusterId), { signal }).then((r) => r.protections),
  });
}

/** Add (`{ pathPrefix, approvals }`) or remove (`{ remove: id }`) a protected prefix of the cluster. */
export function useChangeProtection(clusterId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: { pathPrefix: string; approvals: number } | { remove: string }) =>
      "remove" in change
        ? apiFetch(changeUrls.protection(clusterId, change.remove), { method: "DELETE" })
        : apiFetch(changeUrls.protections(clusterId), { method: "POST", body: change }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: changeKeys.protections(clusterId) }),
  });
}
