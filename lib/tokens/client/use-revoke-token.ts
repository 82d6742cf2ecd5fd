import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/core/client/api-fetch";
import { tokenKeys } from "./keys";
import type { RevokedToken } from "./types";
import { tokenUrls } from "./urls";

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<RevokedToken>(tokenUrls.token(id), { method: "DELETE" }).then((r) => r.apiToken),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokenKeys.all }),
  });
}
