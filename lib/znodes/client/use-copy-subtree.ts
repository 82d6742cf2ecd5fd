import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type Progress, fetchWithProgress } from "@/lib/core/client/ndjson";
import { refreshAfterWrite } from "./refresh";
import type { CopyInput, CopyResult } from "./types";
import { znodeUrls } from "./urls";

type Vars = { input: CopyInput; onProgress: (p: Progress) => void; signal?: AbortSignal };

/** Copy, move or rename a subtree, within the cluster or to another one, with streamed progress. */
export function useCopySubtree(clusterId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, onProgress, signal }: Vars) =>
      fetchWithProgress<CopyResult>(znodeUrls.copy(clusterId), { method: "POST", body: JSON.stringify(input), onProgress, signal }),
    onSuccess: (result, { input }) =>
      Promise.all([
        refreshAfterWrite(queryClient, result.targetClusterId, { changedSubtrees: [result.target] }),
        input.move ? refreshAfterWrite(queryClient, clusterId, { removed: [input.source] }) : null,
      ]),
    // A failed copy may have created part of the target: show what is there now.
    onError: (_e, { input }) => refreshAfterWrite(queryClient, input.targetClusterId ?? clusterId, { changedSubtrees: [input.target] }),
  });
}
