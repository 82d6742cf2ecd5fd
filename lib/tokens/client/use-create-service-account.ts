import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/core/client/api-fetch";
import { tokenKeys } from "./keys";
import type { CreatedServiceAccount } from "./types";
import { tokenUrls } from "./urls";

export function useCreateServiceAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; role?: string }) => apiFetch<CreatedServiceAccount>(tokenUrls.serviceAccounts(), { method: "POST", body: input }).then((r) => r.serviceAccount),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokenKeys.all }),
  });
}
