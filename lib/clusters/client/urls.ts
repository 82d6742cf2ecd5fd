// URLs of the cluster registry and a cluster's credentials.
const base = "/api/v1/clusters";

export const clusterUrls = {
  clusters: () => base,
  cluster: (id: string) => `${base}/${encodeURIComponent(id)}`,
  testConnection: () => `${base}/test`,
  credentials: (id: string) => `${base}/${encodeURIComponent(id)}/credentials`,
  credential: (id: string, credentialId: string) => `${base}/${encodeURIComponent(id)}/credentials/${encodeURIComponent(credentialId)}`,
};
