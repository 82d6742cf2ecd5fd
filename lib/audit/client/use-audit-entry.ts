import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/core/client/api-fetch";
import { auditKeys } from "./keys";
import type { AuditEntryAnswer } from "./types";
import { auditUrls } from "./urls";

export function useAuditEntry(id: number) {
  return useQuery({
    queryKey: auditKeys.entry(id),
    queryFn: ({ signal }) => apiFetch<AuditEntryAnswer>(auditUrls.entry(id), { signal }).then((r) => r.entry),
    // Records never change once written.
    staleTime: Infinity,
  });
}
