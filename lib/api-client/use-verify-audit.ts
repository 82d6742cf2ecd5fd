import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "./api-fetch";
import type { VerifyResult } from "./audit-types";
import { auditUrls } from "./audit-urls";

export function useVerifyAudit() {
  return useMutation({ mutationFn: () => apiFetch<VerifyResult>(auditUrls.verify(), { method: "POST" }) });
}
