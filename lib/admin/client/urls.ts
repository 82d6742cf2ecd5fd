// URLs of the admin endpoints.
export const adminUrls = {
  users: () => "/api/v1/admin/users",
  user: (id: string) => `/api/v1/admin/users/${encodeURIComponent(id)}`,
  grants: () => "/api/v1/admin/grants",
  grant: (id: string) => `/api/v1/admin/grants/${encodeURIComponent(id)}`,
  groups: () => "/api/v1/admin/groups",
  settings: () => "/api/v1/admin/settings",
};
