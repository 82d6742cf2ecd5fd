import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { aclKeys } from "./keys";
import type { AclPreset } from "./types";
import { aclUrls } from "./urls";
import { apiFetch } from "@/lib/core/client/api-fetch";
import type { AclEntry } from "@/lib/znodes/client/types";

export function useAclPresets() {
  return useQuery({
    queryKey: aclKeys.presets(),
    queryFn: ({ signal }) => apiFetch<{ presets: AclPreset[] }>(aclUrls.presets(), { signal }).then((r) => r.presets),
    staleTime: 60_000,
  });
}

export function useSavePreset() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; entries: AclEntry[] }) => apiFetch<{ preset: AclPreset }>(aclUrls.presets(), { method: "POST", body: input }).then((r) => r.preset),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: aclKeys.presets() }),
  });
}

export function useDeletePreset() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (presetId: string) => apiFetch<{ ok: true }>(aclUrls.preset(presetId), { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: aclKeys.presets() }),
  });
}
