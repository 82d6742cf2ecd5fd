// API URLs; znode paths always travel URL-encoded in the `path` query parameter.
const base = "/api/v1/clusters";

export const apiUrls = {
  clusters: () => base,
  cluster: (id: string) => `${base}/${encodeURIComponent(id)}`,
  testConnection: () => `${base}/test`,
  znode: (id: string, path: string) => `${base}/${encodeURIComponent(id)}/znode?${new URLSearchParams({ path })}`,
  subtree: (id: string, path: string) => `${base}/${encodeURIComponent(id)}/subtree?${new URLSearchParams({ path })}`,
  copy: (id: string) => `${base}/${encodeURIComponent(id)}/copy`,
  export: (id: string, path: string, acl: boolean) => `${base}/${encodeURIComponent(id)}/export?${new URLSearchParams({ path, acl: String(acl) })}`,
  import: (id: string, params: Record<string, string>) => `${base}/${encodeURIComponent(id)}/import?${new URLSearchParams(params)}`,
  /** The znode URL with extra query parameters (delete's version, recursive, confirm, reason). */
  znodeWith: (id: string, path: string, params: Record<string, string | undefined>) => {
    const query = new URLSearchParams({ path });
    for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") query.set(k, v);
    return `${base}/${encodeURIComponent(id)}/znode?${query}`;
  },
  children: (id: string, params: { path: string; offset: number; limit: number; filter: string }) => {
    const query = new URLSearchParams({ path: params.path, offset: String(params.offset), limit: String(params.limit) });
    if (params.filter) query.set("filter", params.filter);
    return `${base}/${encodeURIComponent(id)}/children?${query}`;
  },
};
