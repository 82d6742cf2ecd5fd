// URLs of the ACL, preset and cluster credential endpoints.
const cluster = (id: string) => `/api/v1/clusters/${encodeURIComponent(id)}`;

export const aclUrls = {
  acl: (id: string, path: string) => `${cluster(id)}/acl?${new URLSearchParams({ path })}`,
  recursive: (id: string, path: string) => `${cluster(id)}/acl/recursive?${new URLSearchParams({ path })}`,
  digest: () => "/api/v1/acl/digest",
  presets: () => "/api/v1/acl/presets",
  preset: (presetId: string) => `/api/v1/acl/presets/${encodeURIComponent(presetId)}`,
  credentials: (id: string) => `${cluster(id)}/credentials`,
  credential: (id: string, credentialId: string) => `${cluster(id)}/credentials/${encodeURIComponent(credentialId)}`,
};
