// URLs of the health, alert and session endpoints.
const cluster = (id: string) => `/api/v1/clusters/${encodeURIComponent(id)}`;

export const healthUrls = {
  health: (id: string) => `${cluster(id)}/health`,
  history: (id: string, since: string, member: string | null) => `${cluster(id)}/health/history?${new URLSearchParams({ since, ...(member ? { member } : {}) })}`,
  alerts: (id: string, open: boolean | null) => `${cluster(id)}/health/alerts${open === null ? "" : `?open=${open}`}`,
  sessions: (id: string) => `${cluster(id)}/sessions`,
};
