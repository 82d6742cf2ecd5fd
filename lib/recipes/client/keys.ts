// Query keys of recipe scans, under the cluster's health keys (a reconfiguration refreshes them too).
import { healthKeys } from "@/lib/health/client/keys";

export type RecipeScanParams = { roots: string; maxDepth: number; maxNodes: number };

export const recipeKeys = {
  scan: (clusterId: string, params: RecipeScanParams) => [...healthKeys.all(clusterId), "recipes", params] as const,
};
