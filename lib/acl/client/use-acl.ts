import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/core/client/api-fetch";
import { refreshAfterWrite } from "@/lib/znodes/client/refresh";
import { aclKeys } from "./keys";
import type { AclState, DigestAnswer, SetAclInput, SetAclResult } from "./types";
import { aclUrls } from "./urls";

export function useAcl(clusterId: string, path: string) {
  return useQuery({
    queryKey: aclKeys.of(clusterId, path),
    queryFn: ({ signal }) => apiFetch<AclState>(aclUrls.acl(clusterId, path), { signal }),
  });
}

/** Save an ACL at the aversion the operator saw; 409 BAD_VERSION carries the current ACL, 409 LOCKOUT what would be lost. */
export function useSetAcl(clusterId: string, path: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SetAclInput) => apiFetch<SetAclResult>(aclUrls.acl(clusterId, path), { method: "PUT", body: input }),
    onSuccess: () => Promise.all([
      queryClient.invalidateQueries({ queryKey: aclKeys.of(clusterId, path) }),
      refreshAfterWrite(queryClient, clusterId, { changed: [path] }),
    ]),
  });
}

/** The digest id of a user and password, computed by the server (the password is not kept). */
export function useDigest() {
  return useMutation({
    mutationFn: (input: { user: string; password: string }) => apiFetch<DigestAnswer>(aclUrls.digest(), { method: "POST", body: input }),
  });
}
