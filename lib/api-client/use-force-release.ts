import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "./api-fetch";
import { healthKeys, healthUrls } from "./health-keys";

export function useForceRelease(clusterId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { path: string; version: number; reason: string }) =>
      apiFetch<{ released: string }>(healthUrls.forceRelease(clusterId), { method: "POST", body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: healthKeys.all(clusterId) }),
  });
}
