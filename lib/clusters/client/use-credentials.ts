import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { clusterKeys, credentialKeys } from "./keys";
import type { ClusterCredential, CredentialInput } from "./types";
import { clusterUrls } from "./urls";
import { apiFetch } from "@/lib/core/client/api-fetch";
import { znodeKeys } from "@/lib/znodes/client/keys";

/** A cluster's ZooKeeper credentials as admins see them: scheme and label, never the secret. */
export function useCredentials(clusterId: string) {
  return useQuery({
    queryKey: credentialKeys.of(clusterId),
    queryFn: ({ signal }) => apiFetch<{ credentials: ClusterCredential[] }>(clusterUrls.credentials(clusterId), { signal }).then((r) => r.credentials),
  });
}

function useRefreshCluster(clusterId: string) {
  const queryClient = useQueryClient();
  // A changed credential list opens a new session: everything read through the old one is refetched.
  return () => Promise.all([
    queryClient.invalidateQueries({ queryKey: credentialKeys.of(clusterId) }),
    queryClient.invalidateQueries({ queryKey: znodeKeys.all(clusterId) }),
    queryClient.invalidateQueries({ queryKey: clusterKeys.all }),
  ]);
}

export function useAddCredential(clusterId: string) {
  const refresh = useRefreshCluster(clusterId);
  return useMutation({
    mutationFn: (input: CredentialInput) => apiFetch<{ credential: ClusterCredential }>(clusterUrls.credentials(clusterId), { method: "POST", body: input }).then((r) => r.credential),
    onSuccess: refresh,
  });
}

export function useRemoveCredential(clusterId: string) {
  const refresh = useRefreshCluster(clusterId);
  return useMutation({
    mutationFn: (credentialId: string) => apiFetch<{ ok: true }>(clusterUrls.credential(clusterId, credentialId), { method: "DELETE" }),
    onSuccess: refresh,
  });
}
