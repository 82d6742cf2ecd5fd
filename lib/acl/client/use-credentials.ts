import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { clusterKeys } from "@/lib/clusters/client/keys";
import type { Done } from "@/lib/core/client/answer";
import { apiFetch } from "@/lib/core/client/api-fetch";
import { znodeKeys } from "@/lib/znodes/client/keys";
import { aclKeys } from "./keys";
import type { CredentialAnswer, CredentialInput, CredentialList } from "./types";
import { aclUrls } from "./urls";

/** A cluster's ZooKeeper credentials as admins see them: scheme and label, never the secret. */
export function useCredentials(clusterId: string) {
  return useQuery({
    queryKey: aclKeys.credentials(clusterId),
    queryFn: ({ signal }) => apiFetch<CredentialList>(aclUrls.credentials(clusterId), { signal }).then((r) => r.credentials),
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
    mutationFn: (input: CredentialInput) => apiFetch<CredentialAnswer>(aclUrls.credentials(clusterId), { method: "POST", body: input }).then((r) => r.credential),
    onSuccess: refresh,
  });
}

export function useRemoveCredential(clusterId: string) {
  const refresh = useRefreshCluster(clusterId);
  return useMutation({
    mutationFn: (credentialId: string) => apiFetch<Done>(aclUrls.credential(clusterId, credentialId), { method: "DELETE" }),
    onSuccess: refresh,
  });
}
