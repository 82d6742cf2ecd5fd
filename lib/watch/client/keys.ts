// Query keys of the live-change state the browser keeps in the one store (TanStack Query).
export const liveKeys = {
  all: (clusterId: string) => ["live", clusterId] as const,
  /** LiveStatus of the cluster's stream. */
  status: (clusterId: string) => [...liveKeys.all(clusterId), "status"] as const,
  /** path → when a change to it last arrived (ms), for the brief highlight. */
  changes: (clusterId: string) => [...liveKeys.all(clusterId), "changes"] as const,
  /** path → the mzxid/pzxid the stream last told, to judge a resync without refetching everything. */
  told: (clusterId: string) => [...liveKeys.all(clusterId), "told"] as const,
};

export const liveEventsUrl = (clusterId: string, paths: string[], lastEventId?: string | null) => {
  const query = new URLSearchParams(paths.map((p) => ["path", p]));
  if (lastEventId) query.set("lastEventId", lastEventId);
  return `/api/v1/clusters/${encodeURIComponent(clusterId)}/events?${query}`;
};
