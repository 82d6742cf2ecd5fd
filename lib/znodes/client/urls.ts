// URLs of the znode endpoints; znode paths always travel URL-encoded in the `path` query parameter.
const cluster = (id: string) => `/api/v1/clusters/${encodeURIComponent(id)}`;

export const znodeUrls = {
  znode: (id: string, path: string) => `${cluster(id)}/znode?${new URLSearchParams({ path })}`,
  subtree: (id: string, path: string) => `${cluster(id)}/subtree?${new URLSearchParams({ path })}`,
  copy: (id: string) => `${cluster(id)}/copy`,
  export: (id: string, path: string, acl: boolean) => `${cluster(id)}/export?${new URLSearchParams({ path, acl: String(acl) })}`,
  import: (id: string, params: Record<string, string>) => `${cluster(id)}/import?${new URLSearchParams(params)}`,
  /** The znode URL with extra query parameters (delete's version, recursive, confirm, reason). */
  znodeWith: (id: string, path: string, params: Record<string, string | undefined>) => {
    const query = new URLSearchParams({ path });
    for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") query.set(k, v);
    return `${cluster(id)}/znode?${query}`;
  },
  children: (id: string, params: { path: string; offset: number; limit: number; filter: string; locate?: string }) => {
    const query = new URLSearchParams({ path: params.path, offset: String(params.offset), limit: String(params.limit) });
    if (params.filter) query.set("filter", params.filter);
    if (params.locate !== undefined) query.set("locate", params.locate);
    return `${cluster(id)}/children?${query}`;
  },
};
