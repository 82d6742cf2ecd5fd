// Query keys for ACLs (under the cluster's znode keys, so subtree refreshes reach them), presets and cluster credentials.
import { znodeKeys } from "@/lib/znodes/client/keys";

export const aclKeys = {
  /** ["znodes", cluster, "acl", path]: refreshAfterWrite's subtree invalidation covers it. */
  of: (clusterId: string, path: string) => [...znodeKeys.all(clusterId), "acl", path] as const,
  presets: () => ["acl-presets"] as const,
  credentials: (clusterId: string) => ["cluster-credentials", clusterId] as const,
};
