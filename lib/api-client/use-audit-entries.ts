import { useInfiniteQuery } from "@tanstack/react-query";
import { apiFetch } from "./api-fetch";
import { auditKeys } from "./audit-keys";
import type { AuditFilters, AuditPage } from "./audit-types";
import { auditUrls } from "./audit-urls";

/** Audit entries matching the filters, newest first, a page at a time. */
export function useAuditEntries(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: auditKeys.list(filters),
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam, signal }) => apiFetch<AuditPage>(auditUrls.list(filters, pageParam), { signal }),
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
}
