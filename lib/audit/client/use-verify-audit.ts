import { useMutation } from "@tanstack/react-query";
import type { VerifyResult } from "./types";
import { auditUrls } from "./urls";
import { apiFetch } from "@/lib/core/client/api-fetch";

export function useVerifyAudit() {
  return useMutation({ mutationFn: () => apiFetch<VerifyResult>(auditUrls.verify(), { method: "POST" }) });
}
