import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "./api-fetch";
import { adminKeys } from "./audit-keys";
import type { GrantInput, GrantRow } from "./audit-types";
import { adminUrls } from "./audit-urls";

export function useCreateGrant() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: GrantInput) => apiFetch<{ grant: GrantRow }>(adminUrls.grants(), { method: "POST", body: input }).then((r) => r.grant),
    // Grants change users' effective rights and group mappings: refresh every admin list.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.all }),
  });
}
