import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "./api-fetch";
import { auditKeys } from "./audit-keys";
import type { HistoryEntry } from "./audit-types";
import { auditUrls } from "./audit-urls";

export function useZnodeHistory(clusterId: string, path: string) {
  return useQuery({
    queryKey: auditKeys.history(clusterId, path),
    queryFn: ({ signal }) => apiFetch<{ path: string; entries: HistoryEntry[] }>(auditUrls.history(clusterId, path), { signal }).then((r) => r.entries),
  });
}
