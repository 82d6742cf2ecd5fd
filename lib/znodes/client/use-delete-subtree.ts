import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/core/client/api-fetch";
import { refreshAfterWrite } from "./refresh";
import type { DeleteResult } from "./types";
import { znodeUrls } from "./urls";

type Result = Extract<DeleteResult, { found: number }>;
type Options = { onDeleted?: (result: Result, path: string) => void };

/** Recursive delete; `confirm` is the path as the operator typed it. `onDeleted` runs even after an unmount. */
export function useDeleteSubtree(clusterId: string, { onDeleted }: Options = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ path, confirm, reason }: { path: string; confirm: string; reason?: string }) =>
      apiFetch<Result>(znodeUrls.znodeWith(clusterId, path, { recursive: "true", confirm, reason }), { method: "DELETE" }),
    onSuccess: (result, { path }) => {
      onDeleted?.(result, path);
      return refreshAfterWrite(queryClient, clusterId, { removed: [path] });
    },
  });
}
