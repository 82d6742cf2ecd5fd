import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/core/client/api-fetch";
import { healthKeys } from "@/lib/health/client/keys";
import type { ForceReleaseInput, ForceReleaseResult } from "./types";
import { recipeUrls } from "./urls";

export function useForceRelease(clusterId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ForceReleaseInput) =>
      apiFetch<ForceReleaseResult>(recipeUrls.forceRelease(clusterId), { method: "POST", body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: healthKeys.all(clusterId) }),
  });
}
