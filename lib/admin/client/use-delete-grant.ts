import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Done } from "@/lib/core/client/answer";
import { apiFetch } from "@/lib/core/client/api-fetch";
import { adminKeys } from "./keys";
import { adminUrls } from "./urls";

export function useDeleteGrant() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<Done>(adminUrls.grant(id), { method: "DELETE" }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: adminKeys.all }),
  });
}
