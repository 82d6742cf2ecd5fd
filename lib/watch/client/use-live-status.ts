import { useQuery } from "@tanstack/react-query";
import { liveKeys } from "./keys";
import type { LiveStatus } from "./types";

const CONNECTING: LiveStatus = { state: "connecting" };

/** The connection state of the cluster's live stream (written by useLiveEvents). */
export function useLiveStatus(clusterId: string): LiveStatus {
  const q = useQuery<LiveStatus>({ queryKey: liveKeys.status(clusterId), queryFn: () => CONNECTING, enabled: false, staleTime: Infinity });
  return q.data ?? CONNECTING;
}
