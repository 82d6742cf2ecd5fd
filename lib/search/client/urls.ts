// URLs of content search: the API (NDJSON rows) and the console page that shows them.
export type SearchParams = { path: string; q: string; in: "name" | "data" | "all"; regex: boolean };

export const searchUrls = {
  api: (clusterId: string, p: SearchParams) =>
    `/api/v1/clusters/${encodeURIComponent(clusterId)}/search?${new URLSearchParams({ path: p.path, q: p.q, in: p.in, regex: String(p.regex) })}`,
  /** The search page of a cluster (by slug or id), its form filled from the query. */
  page: (cluster: string, p: Partial<SearchParams> & { q: string }) => {
    const query = new URLSearchParams({ q: p.q });
    if (p.path && p.path !== "/") query.set("path", p.path);
    if (p.in && p.in !== "all") query.set("in", p.in);
    if (p.regex) query.set("regex", "true");
    return `/clusters/${encodeURIComponent(cluster)}/search?${query}`;
  },
};
