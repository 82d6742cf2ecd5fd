import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type Progress, fetchWithProgress } from "@/lib/core/client/ndjson";
import { refreshAfterWrite } from "./refresh";
import type { ImportOptions, ImportReport } from "./types";
import { znodeUrls } from "./urls";

type Vars = { file: string; options: ImportOptions; onProgress: (p: Progress) => void; signal?: AbortSignal };

export const importParams = (o: ImportOptions, dryRun: boolean) => ({
  path: o.path, dryRun: String(dryRun), onExisting: o.onExisting, acl: String(o.acl), ...(o.reason ? { reason: o.reason } : {}),
});

/** Apply an import; the server plans again at apply time and writes version-checked. */
export function useImportSubtree(clusterId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, options, onProgress, signal }: Vars) =>
      fetchWithProgress<ImportReport>(znodeUrls.import(clusterId, importParams(options, false)), { method: "POST", body: file, signal, onProgress }),
    // Refreshed on failure too: a partial import may have created nodes.
    onSettled: (_r, _e, { options }) => refreshAfterWrite(queryClient, clusterId, { changedSubtrees: [options.path] }),
  });
}
