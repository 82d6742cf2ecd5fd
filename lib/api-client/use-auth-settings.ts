import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "./api-fetch";
import { adminKeys } from "./audit-keys";
import type { AuthSettings } from "./audit-types";
import { adminUrls } from "./audit-urls";

export function useAuthSettings() {
  return useQuery({ queryKey: adminKeys.settings(), queryFn: ({ signal }) => apiFetch<AuthSettings>(adminUrls.settings(), { signal }) });
}

export function useUpdateAuthSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: { defaultRole: string }) => apiFetch<AuthSettings>(adminUrls.settings(), { method: "PATCH", body: patch }),
    onSuccess: (settings) => queryClient.setQueryData(adminKeys.settings(), settings),
  });
}
