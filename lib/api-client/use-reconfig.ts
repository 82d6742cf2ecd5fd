import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "./api-fetch";
import { healthKeys, healthUrls } from "./health-keys";
import type { ReconfigChange, ReconfigPlan } from "./health-types";

/** Review a change: nothing is applied. */
export function useReconfigPlan(clusterId: string) {
  return useMutation({
    mutationFn: (change: ReconfigChange) => apiFetch<ReconfigPlan>(healthUrls.plan(clusterId), { method: "POST", body: change }),
  });
}

/** Apply a reviewed change (admins; audited on the server). */
export function useApplyReconfig(clusterId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { change: ReconfigChange; fromVersion: string; reason?: string }) =>
      apiFetch<{ config: string }>(healthUrls.reconfig(clusterId), { method: "POST", body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: healthKeys.all(clusterId) }),
  });
}
