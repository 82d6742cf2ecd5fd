import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "./api-fetch";
import { healthKeys, healthUrls, type RecipeScanParams } from "./health-keys";
import type { RecipesView } from "./health-types";

export function useRecipes(clusterId: string, params: RecipeScanParams) {
  return useQuery({
    queryKey: healthKeys.recipes(clusterId, params),
    queryFn: ({ signal }) => apiFetch<RecipesView>(healthUrls.recipes(clusterId, params), { signal }),
  });
}
