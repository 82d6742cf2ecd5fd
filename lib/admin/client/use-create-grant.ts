import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/core/client/api-fetch";
import { adminKeys } from "./keys";
import type { CreatedGrant, GrantInput } from "./types";
import { adminUrls } from "./urls";

export function useCreateGrant() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: GrantInput) => apiFetch<CreatedGrant>(adminUrls.grants(), { method: "POST", body: input }).then((r) => r.grant),
    // Grants change users' effective rights and group mappings: refresh every admin list.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.all }),
  });
}
