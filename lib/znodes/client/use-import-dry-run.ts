import { useMutation } from "@tanstack/react-query";
import { toApiError } from "@/lib/core/client/api-fetch";
import type { ImportOptions, ImportPlan } from "./types";
import { znodeUrls } from "./urls";
import { importParams } from "./use-import-subtree";

/** What an import would create, update, leave or refuse; reads only. */
export function useImportDryRun(clusterId: string) {
  return useMutation({
    mutationFn: async ({ file, options, signal }: { file: string; options: ImportOptions; signal?: AbortSignal }) => {
      const res = await fetch(znodeUrls.import(clusterId, importParams(options, true)), { method: "POST", body: file, signal, cache: "no-store", headers: { accept: "application/json", "content-type": "application/json" } });
      const payload: unknown = await res.json().catch(() => null);
      if (!res.ok) throw toApiError(res.status, payload);
      return payload as ImportPlan;
    },
  });
}
