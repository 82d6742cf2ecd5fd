import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "./api-fetch";
import { refreshAfterWrite } from "./refresh";
import { apiUrls } from "./urls";

/** Delete one znode at the version the operator saw. */
export function useDeleteZnode(clusterId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ path, version, reason }: { path: string; version: number; reason?: string }) =>
      apiFetch<{ deleted: string[] }>(apiUrls.znodeWith(clusterId, path, { version: String(version), reason }), { method: "DELETE" }),
    onSuccess: (_r, { path }) => refreshAfterWrite(queryClient, clusterId, { removed: [path] }),
  });
}
