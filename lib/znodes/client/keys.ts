// Query keys of znodes: every cache entry of a cluster's znodes starts with `all(clusterId)`.
export const znodeKeys = {
  all: (clusterId: string) => ["znodes", clusterId] as const,
  node: (clusterId: string, path: string) => [...znodeKeys.all(clusterId), "node", path] as const,
  /** Every children listing of `path`, whatever its filter and page size. */
  childrenOf: (clusterId: string, path: string) => [...znodeKeys.all(clusterId), "children", path] as const,
  children: (clusterId: string, path: string, filter: string, pageSize: number) =>
    [...znodeKeys.childrenOf(clusterId, path), { filter, pageSize }] as const,
  /** One window of a listing (the tree and the children list fetch the pages in view). */
  childrenPage: (clusterId: string, path: string, filter: string, offset: number, limit: number) =>
    [...znodeKeys.childrenOf(clusterId, path), { filter, offset, limit }] as const,
  /** Where one child sits in its parent's listing (to reveal a deep link). */
  childIndex: (clusterId: string, path: string, filter: string, name: string) => [...znodeKeys.childrenOf(clusterId, path), { filter, locate: name }] as const,
  subtree: (clusterId: string, path: string) => [...znodeKeys.all(clusterId), "subtree", path] as const,
};
