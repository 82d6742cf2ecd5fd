// URLs of the recipe scan and force release.
import type { RecipeScanParams } from "./keys";

const cluster = (id: string) => `/api/v1/clusters/${encodeURIComponent(id)}`;

export const recipeUrls = {
  scan: (id: string, p: RecipeScanParams) => `${cluster(id)}/recipes?${new URLSearchParams({ roots: p.roots, maxDepth: String(p.maxDepth), maxNodes: String(p.maxNodes) })}`,
  forceRelease: (id: string) => `${cluster(id)}/recipes/force-release`,
};
