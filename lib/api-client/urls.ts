// API URLs; znode paths always travel URL-encoded in the `path` query parameter.
const base = "/api/v1/clusters";

export const apiUrls = {
  clusters: () => base,
  cluster: (id: string) => `${base}/${encodeURIComponent(id)}`,
  testConnection: () => `${base}/test`,
  znode: (id: string, path: string) => `${base}/${encodeURIComponent(id)}/znode?${new URLSearchParams({ path })}`,
  children: (id: string, params: { path: string; offset: number; limit: number; filter: string }) => {
    const query = new URLSearchParams({ path: params.path, offset: String(params.offset), limit: String(params.limit) });
    if (params.filter) query.set("filter", params.filter);
    return `${base}/${encodeURIComponent(id)}/children?${query}`;
  },
};
