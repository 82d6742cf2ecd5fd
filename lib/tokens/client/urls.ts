// URLs of the API token endpoints.
export const tokenUrls = {
  tokens: () => "/api/v1/tokens",
  token: (id: string) => `/api/v1/tokens/${encodeURIComponent(id)}`,
  serviceAccounts: () => "/api/v1/admin/service-accounts",
};
