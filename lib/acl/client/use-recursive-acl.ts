import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/core/client/api-fetch";
import { type Progress, fetchWithProgress } from "@/lib/core/client/ndjson";
import { refreshAfterWrite } from "@/lib/znodes/client/refresh";
import type { RecursiveAclInput, RecursiveAclPreview, RecursiveAclResult } from "./types";
import { aclUrls } from "./urls";

/** How many znodes a recursive ACL change would touch and which differ (a POST: the ACL travels in the body). */
export function useRecursiveAclPreview(clusterId: string, path: string) {
  return useMutation({
    mutationFn: (input: RecursiveAclInput) => apiFetch<RecursiveAclPreview>(aclUrls.recursive(clusterId, path), { method: "POST", body: { acl: input.acl, preview: true } }),
  });
}

type Vars = { input: RecursiveAclInput; onProgress: (p: Progress) => void; signal?: AbortSignal };

export function useApplyRecursiveAcl(clusterId: string, path: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, onProgress, signal }: Vars) =>
      fetchWithProgress<RecursiveAclResult>(aclUrls.recursive(clusterId, path), { method: "POST", body: JSON.stringify(input), onProgress, signal }),
    onSettled: () => refreshAfterWrite(queryClient, clusterId, { changedSubtrees: [path] }),
  });
}
