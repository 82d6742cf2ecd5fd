// URLs of the ACL and preset endpoints.
const cluster = (id: string) => `/api/v1/clusters/${encodeURIComponent(id)}`;

export const aclUrls = {
  acl: (id: string, path: string) => `${cluster(id)}/acl?${new URLSearchParams({ path })}`,
  recursive: (id: string, path: string) => `${cluster(id)}/acl/recursive?${new URLSearchParams({ path })}`,
  digest: () => "/api/v1/acl/digest",
  presets: () => "/api/v1/acl/presets",
  preset: (presetId: string) => `/api/v1/acl/presets/${encodeURIComponent(presetId)}`,
};
