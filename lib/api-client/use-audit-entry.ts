import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "./api-fetch";
import { auditKeys } from "./audit-keys";
import type { AuditEntry } from "./audit-types";
import { auditUrls } from "./audit-urls";

export function useAuditEntry(id: number) {
  return useQuery({
    queryKey: auditKeys.entry(id),
    queryFn: ({ signal }) => apiFetch<{ entry: AuditEntry }>(auditUrls.entry(id), { signal }).then((r) => r.entry),
    // Records never change once written.
    staleTime: Infinity,
  });
}
