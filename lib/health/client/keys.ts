// Query keys of a cluster's health: every entry of a cluster starts with `all(clusterId)`, so a
// reconfiguration or a force release refreshes health, sessions, recipes and config at once.
export const healthKeys = {
  all: (clusterId: string) => ["health", clusterId] as const,
  now: (clusterId: string) => [...healthKeys.all(clusterId), "now"] as const,
  history: (clusterId: string, since: string, member: string | null) => [...healthKeys.all(clusterId), "history", { since, member }] as const,
  alerts: (clusterId: string, open: boolean | null) => [...healthKeys.all(clusterId), "alerts", { open }] as const,
  sessions: (clusterId: string) => [...healthKeys.all(clusterId), "sessions"] as const,
};
