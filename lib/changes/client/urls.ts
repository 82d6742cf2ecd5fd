// URLs of the change-request endpoints.
export const changeUrls = {
  list: (filters: Record<string, string>) => `/api/v1/change-requests${Object.keys(filters).length ? `?${new URLSearchParams(filters)}` : ""}`,
  one: (id: number) => `/api/v1/change-requests/${id}`,
  action: (id: number, action: ChangeAction) => `/api/v1/change-requests/${id}/${action}`,
  inbox: () => "/api/v1/change-requests/inbox",
  protections: (clusterId: string) => `/api/v1/clusters/${encodeURIComponent(clusterId)}/protections`,
  protection: (clusterId: string, id: string) => `/api/v1/clusters/${encodeURIComponent(clusterId)}/protections/${encodeURIComponent(id)}`,
};

export type ChangeAction = "approve" | "reject" | "withdraw" | "rebase" | "apply-now";
