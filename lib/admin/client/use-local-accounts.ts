import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { Answer } from "@/lib/core/client/answer";
import { apiFetch } from "@/lib/core/client/api-fetch";
import type { createLocalUser, resetPassword } from "@/lib/admin";
import type { newUserInput, passwordResetInput } from "@/lib/admin/schema";
import { adminKeys } from "./keys";
import { adminUrls } from "./urls";

export type NewLocalUser = z.input<typeof newUserInput>;
export type PasswordReset = z.input<typeof passwordResetInput>;

export function useCreateLocalUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewLocalUser) => apiFetch<Answer<typeof createLocalUser>>(adminUrls.users(), { method: "POST", body: input }).then((r) => r.user),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.all }),
  });
}

export function useResetPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: { id: string } & PasswordReset) => apiFetch<Answer<typeof resetPassword>>(`${adminUrls.user(id)}/password`, { method: "POST", body: input }).then((r) => r.user),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.all }),
  });
}
