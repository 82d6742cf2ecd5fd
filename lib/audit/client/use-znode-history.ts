import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/core/client/api-fetch";
import { auditKeys } from "./keys";
import type { ZnodeHistory } from "./types";
import { auditUrls } from "./urls";

export function useZnodeHistory(clusterId: string, path: string) {
  return useQuery({
    queryKey: auditKeys.history(clusterId, path),
    queryFn: ({ signal }) => apiFetch<ZnodeHistory>(auditUrls.history(clusterId, path), { signal }).then((r) => r.entries),
  });
}
