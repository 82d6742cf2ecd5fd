// Query-key factories: every cache entry for a resource starts with its `all` key.
export const clusterKeys = {
  all: ["clusters"] as const,
  list: () => [...clusterKeys.all, "list"] as const,
  detail: (id: string) => [...clusterKeys.all, "detail", id] as const,
};

export const znodeKeys = {
  all: (clusterId: string) => ["znodes", clusterId] as const,
  node: (clusterId: string, path: string) => [...znodeKeys.all(clusterId), "node", path] as const,
  /** Every children listing of `path`, whatever its filter and page size. */
  childrenOf: (clusterId: string, path: string) => [...znodeKeys.all(clusterId), "children", path] as const,
  children: (clusterId: string, path: string, filter: string, pageSize: number) =>
    [...znodeKeys.childrenOf(clusterId, path), { filter, pageSize }] as const,
  subtree: (clusterId: string, path: string) => [...znodeKeys.all(clusterId), "subtree", path] as const,
};
