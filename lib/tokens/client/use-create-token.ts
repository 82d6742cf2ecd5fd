import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/core/client/api-fetch";
import { tokenKeys } from "./keys";
import type { CreatedToken, CreateTokenInput } from "./types";
import { tokenUrls } from "./urls";

/** Resolves to the new token with its secret: the only time the browser sees it. */
export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateTokenInput) => apiFetch<CreatedToken>(tokenUrls.tokens(), { method: "POST", body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokenKeys.all }),
  });
}
