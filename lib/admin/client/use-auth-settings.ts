import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/core/client/api-fetch";
import { adminKeys } from "./keys";
import type { AuthSettings, AuthSettingsPatch } from "./types";
import { adminUrls } from "./urls";

export function useAuthSettings() {
  return useQuery({ queryKey: adminKeys.settings(), queryFn: ({ signal }) => apiFetch<AuthSettings>(adminUrls.settings(), { signal }) });
}

export function useUpdateAuthSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: AuthSettingsPatch) => apiFetch<AuthSettings>(adminUrls.settings(), { method: "PATCH", body: patch }),
    onSuccess: (settings) => queryClient.setQueryData(adminKeys.settings(), settings),
  });
}
