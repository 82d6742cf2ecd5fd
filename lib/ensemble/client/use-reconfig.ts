import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/core/client/api-fetch";
import { healthKeys } from "@/lib/health/client/keys";
import type { ReconfigApply, ReconfigChange, ReconfigPlan, ReconfigResult } from "./types";
import { ensembleUrls } from "./urls";

/** Review a change: nothing is applied. */
export function useReconfigPlan(clusterId: string) {
  return useMutation({
    mutationFn: (change: ReconfigChange) => apiFetch<ReconfigPlan>(ensembleUrls.plan(clusterId), { method: "POST", body: change }),
  });
}

/** Apply a reviewed change (admins; audited on the server). */
export function useApplyReconfig(clusterId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ReconfigApply) =>
      apiFetch<ReconfigResult>(ensembleUrls.reconfig(clusterId), { method: "POST", body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: healthKeys.all(clusterId) }),
  });
}
