import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "./api-fetch";
import { refreshAfterWrite } from "./refresh";
import { apiUrls } from "./urls";

/** Recursive delete; `confirm` is the path as the operator typed it. */
export function useDeleteSubtree(clusterId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ path, confirm, reason }: { path: string; confirm: string; reason?: string }) =>
      apiFetch<{ deleted: number; found: number }>(apiUrls.znodeWith(clusterId, path, { recursive: "true", confirm, reason }), { method: "DELETE" }),
    onSuccess: (_r, { path }) => refreshAfterWrite(queryClient, clusterId, { removed: [path] }),
  });
}
