import { useMutation, useQueryClient } from "@tanstack/react-query";
import { adminKeys } from "./keys";
import { adminUrls } from "./urls";
import { apiFetch } from "@/lib/core/client/api-fetch";

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...patch }: { id: string; disabled?: boolean; role?: string }) => apiFetch(adminUrls.user(id), { method: "PATCH", body: patch }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: adminKeys.all }),
  });
}
