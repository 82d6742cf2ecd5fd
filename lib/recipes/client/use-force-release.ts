import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/core/client/api-fetch";
import { healthKeys } from "@/lib/health/client/keys";
import { recipeUrls } from "./urls";

export function useForceRelease(clusterId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { path: string; version: number; reason: string }) =>
      apiFetch<{ released: string }>(recipeUrls.forceRelease(clusterId), { method: "POST", body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: healthKeys.all(clusterId) }),
  });
}
