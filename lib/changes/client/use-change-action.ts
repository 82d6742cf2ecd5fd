import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/core/client/api-fetch";
import { changeKeys } from "./keys";
import type { ChangeRequestDetail } from "./types";
import { changeUrls, type ChangeAction } from "./urls";

/** Approve, reject, withdraw, rebase or break glass on one request; resolves to the request as it is now (rebase: the new one). */
export function useChangeAction(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, body }: { action: ChangeAction; body?: Record<string, string> }) =>
      apiFetch<{ changeRequest: ChangeRequestDetail }>(changeUrls.action(id, action), { method: "POST", body: body ?? {} }).then((r) => r.changeRequest),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: changeKeys.all }),
  });
}
