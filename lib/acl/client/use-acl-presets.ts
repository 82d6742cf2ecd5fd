import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Done } from "@/lib/core/client/answer";
import { apiFetch } from "@/lib/core/client/api-fetch";
import { aclKeys } from "./keys";
import type { PresetAnswer, PresetInput, PresetList } from "./types";
import { aclUrls } from "./urls";

export function useAclPresets() {
  return useQuery({
    queryKey: aclKeys.presets(),
    queryFn: ({ signal }) => apiFetch<PresetList>(aclUrls.presets(), { signal }).then((r) => r.presets),
    staleTime: 60_000,
  });
}

export function useSavePreset() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PresetInput) => apiFetch<PresetAnswer>(aclUrls.presets(), { method: "POST", body: input }).then((r) => r.preset),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: aclKeys.presets() }),
  });
}

export function useDeletePreset() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (presetId: string) => apiFetch<Done>(aclUrls.preset(presetId), { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: aclKeys.presets() }),
  });
}
