import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/core/client/api-fetch";
import { adminKeys } from "./keys";
import type { UpdatedUser, UserPatch } from "./types";
import { adminUrls } from "./urls";

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...patch }: { id: string } & UserPatch) => apiFetch<UpdatedUser>(adminUrls.user(id), { method: "PATCH", body: patch }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: adminKeys.all }),
  });
}
