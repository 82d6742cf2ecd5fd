import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/core/client/api-fetch";
import { refreshAfterWrite } from "./refresh";
import type { DeleteResult } from "./types";
import { znodeUrls } from "./urls";

type Options = { onDeleted?: (path: string) => void };

/**
 * Delete one znode at the version the operator saw. `onDeleted` runs even when the calling
 * component is gone by then (a live update may remove the deleted node's screen first).
 */
export function useDeleteZnode(clusterId: string, { onDeleted }: Options = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ path, version, reason }: { path: string; version: number; reason?: string }) =>
      apiFetch<DeleteResult>(znodeUrls.znodeWith(clusterId, path, { version: String(version), reason }), { method: "DELETE" }),
    onSuccess: (_r, { path }) => {
      onDeleted?.(path);
      return refreshAfterWrite(queryClient, clusterId, { removed: [path] });
    },
  });
}
