// Query keys of the ensemble's dynamic config, under the cluster's health keys (one refresh after a reconfig).
import { healthKeys } from "@/lib/health/client/keys";

export const ensembleKeys = {
  config: (clusterId: string) => [...healthKeys.all(clusterId), "config"] as const,
};
