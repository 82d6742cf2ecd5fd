import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/core/client/api-fetch";
import { healthKeys } from "./keys";
import type { SessionsView } from "./types";
import { healthUrls } from "./urls";

export function useSessions(clusterId: string) {
  return useQuery({
    queryKey: healthKeys.sessions(clusterId),
    queryFn: ({ signal }) => apiFetch<SessionsView>(healthUrls.sessions(clusterId), { signal }),
    refetchInterval: 15_000,
  });
}
