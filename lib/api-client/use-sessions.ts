import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "./api-fetch";
import { healthKeys, healthUrls } from "./health-keys";
import type { SessionsView } from "./health-types";

export function useSessions(clusterId: string) {
  return useQuery({
    queryKey: healthKeys.sessions(clusterId),
    queryFn: ({ signal }) => apiFetch<SessionsView>(healthUrls.sessions(clusterId), { signal }),
    refetchInterval: 15_000,
  });
}
