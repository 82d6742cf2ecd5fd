// Query keys for health, sessions, recipes and ensemble resources: every entry of a cluster starts with its `all` key.
export const healthKeys = {
  all: (clusterId: string) => ["health", clusterId] as const,
  now: (clusterId: string) => [...healthKeys.all(clusterId), "now"] as const,
  history: (clusterId: string, since: string, member: string | null) => [...healthKeys.all(clusterId), "history", { since, member }] as const,
  alerts: (clusterId: string, open: boolean | null) => [...healthKeys.all(clusterId), "alerts", { open }] as const,
  sessions: (clusterId: string) => [...healthKeys.all(clusterId), "sessions"] as const,
  recipes: (clusterId: string, params: RecipeScanParams) => [...healthKeys.all(clusterId), "recipes", params] as const,
  config: (clusterId: string) => [...healthKeys.all(clusterId), "config"] as const,
};

export type RecipeScanParams = { roots: string; maxDepth: number; maxNodes: number };

const cluster = (id: string) => `/api/v1/clusters/${encodeURIComponent(id)}`;
const ensemble = (id: string) => `/api/v1/ensemble/${encodeURIComponent(id)}`;

export const healthUrls = {
  health: (id: string) => `${cluster(id)}/health`,
  history: (id: string, since: string, member: string | null) => `${cluster(id)}/health/history?${new URLSearchParams({ since, ...(member ? { member } : {}) })}`,
  alerts: (id: string, open: boolean | null) => `${cluster(id)}/health/alerts${open === null ? "" : `?open=${open}`}`,
  sessions: (id: string) => `${cluster(id)}/sessions`,
  recipes: (id: string, p: RecipeScanParams) => `${cluster(id)}/recipes?${new URLSearchParams({ roots: p.roots, maxDepth: String(p.maxDepth), maxNodes: String(p.maxNodes) })}`,
  forceRelease: (id: string) => `${cluster(id)}/recipes/force-release`,
  config: (id: string) => `${ensemble(id)}/config`,
  plan: (id: string) => `${ensemble(id)}/reconfig/plan`,
  reconfig: (id: string) => `${ensemble(id)}/reconfig`,
  generate: () => "/api/v1/ensemble/generate",
};
