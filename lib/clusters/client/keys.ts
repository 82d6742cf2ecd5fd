// Query keys of registered clusters and their credentials.
export const clusterKeys = {
  all: ["clusters"] as const,
  list: () => [...clusterKeys.all, "list"] as const,
  detail: (id: string) => [...clusterKeys.all, "detail", id] as const,
};

export const credentialKeys = {
  of: (clusterId: string) => ["cluster-credentials", clusterId] as const,
};
