// URLs of the cluster registry.
const base = "/api/v1/clusters";

export const clusterUrls = {
  clusters: () => base,
  cluster: (id: string) => `${base}/${encodeURIComponent(id)}`,
  testConnection: () => `${base}/test`,
  diagnostics: (id: string) => `${base}/${encodeURIComponent(id)}/diagnostics`,
};
