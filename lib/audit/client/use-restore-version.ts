import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/core/client/api-fetch";
import { znodeKeys } from "@/lib/znodes/client/keys";
import { auditKeys } from "./keys";
import { auditUrls } from "./urls";
import type { RestoreInput, RestoreResult } from "./types";

type Restore = { recordId: number } & RestoreInput;

/** Write an audited value back to the znode, only if it is still at `version`. */
export function useRestoreVersion(clusterId: string, path: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ recordId, side, version, reason }: Restore) =>
      apiFetch<RestoreResult>(auditUrls.restore(recordId), { method: "POST", body: { side, version, ...(reason ? { reason } : {}) } }),
    onSettled: () => Promise.all([
      queryClient.invalidateQueries({ queryKey: znodeKeys.node(clusterId, path) }),
      queryClient.invalidateQueries({ queryKey: auditKeys.history(clusterId, path) }),
    ]),
  });
}
