import { useInfiniteQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/core/client/api-fetch";
import { auditKeys } from "./keys";
import type { AuditFilters, AuditPage } from "./types";
import { auditUrls } from "./urls";

/** Audit entries matching the filters, newest first, a page at a time. */
export function useAuditEntries(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: auditKeys.list(filters),
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam, signal }) => apiFetch<AuditPage>(auditUrls.list(filters, pageParam), { signal }),
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
}
