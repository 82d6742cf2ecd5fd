import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/core/client/api-fetch";
import { healthKeys } from "./keys";
import type { HealthHistory } from "./types";
import { healthUrls } from "./urls";

/** Stored samples since `sinceMs` ago (one window per key, so the chart does not jump). */
export function useHealthHistory(clusterId: string, windowMs: number, member: string | null = null) {
  const bucket = Math.floor(Date.now() / 60_000);
  const since = new Date((bucket + 1) * 60_000 - windowMs).toISOString();
  return useQuery({
    queryKey: healthKeys.history(clusterId, `${windowMs}`, member),
    queryFn: ({ signal }) => apiFetch<HealthHistory>(healthUrls.history(clusterId, since, member), { signal }),
    refetchInterval: 15_000,
  });
}
