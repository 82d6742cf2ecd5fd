import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "@/lib/core/client/api-fetch";
import type { VerifyResult } from "./types";
import { auditUrls } from "./urls";

export function useVerifyAudit() {
  return useMutation({ mutationFn: () => apiFetch<VerifyResult>(auditUrls.verify(), { method: "POST" }) });
}
