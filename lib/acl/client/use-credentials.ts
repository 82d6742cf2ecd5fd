import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { aclKeys } from "./keys";
import type { ClusterCredential, CredentialInput } from "./types";
import { aclUrls } from "./urls";
import { clusterKeys } from "@/lib/clusters/client/keys";
import { apiFetch } from "@/lib/core/client/api-fetch";
import { znodeKeys } from "@/lib/znodes/client/keys";

/** A cluster's ZooKeeper credentials as admins see them: scheme and label, never the secret. */
export function useCredentials(clusterId: string) {
  return useQuery({
    queryKey: aclKeys.credentials(clusterId),
    queryFn: ({ signal }) => apiFetch<{ credentials: ClusterCredential[] }>(aclUrls.credentials(clusterId), { signal }).then((r) => r.credentials),
  });
}

function useRefreshCluster(clusterId: string) {
  const queryClient = useQueryClient();
  // A changed credential list opens a new session: everything read through the old one is refetched.
  return () => Promise.all([
    queryClient.invalidateQueries({ queryKey: aclKeys.credentials(clusterId) }),
    queryClient.invalidateQueries({ queryKey: znodeKeys.all(clusterId) }),
    queryClient.invalidateQueries({ queryKey: clusterKeys.all }),
  ]);
}

export function useAddCredential(clusterId: string) {
  const refresh = useRefreshCluster(clusterId);
  return useMutation({
    mutationFn: (input: CredentialInput) => apiFetch<{ credential: ClusterCredential }>(aclUrls.credentials(clusterId), { method: "POST", body: input }).then((r) => r.credential),
    onSuccess: refresh,
  });
}

export function useRemoveCredential(clusterId: string) {
  const refresh = useRefreshCluster(clusterId);
  return useMutation({
    mutationFn: (credentialId: string) => apiFetch<{ ok: true }>(aclUrls.credential(clusterId, credentialId), { method: "DELETE" }),
    onSuccess: refresh,
  });
}
