import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/core/client/api-fetch";
import { healthKeys } from "./keys";
import type { AlertList } from "./types";
import { healthUrls } from "./urls";

/** Alerts of a cluster: `open` true for the banner, null for the list. */
export function useHealthAlerts(clusterId: string, open: boolean | null) {
  return useQuery({
    queryKey: healthKeys.alerts(clusterId, open),
    queryFn: ({ signal }) => apiFetch<AlertList>(healthUrls.alerts(clusterId, open), { signal }).then((r) => r.alerts),
    refetchInterval: 15_000,
  });
}
