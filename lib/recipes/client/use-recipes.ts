import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/core/client/api-fetch";
import { type RecipeScanParams, recipeKeys } from "./keys";
import type { RecipesView } from "./types";
import { recipeUrls } from "./urls";

export function useRecipes(clusterId: string, params: RecipeScanParams) {
  return useQuery({
    queryKey: recipeKeys.scan(clusterId, params),
    queryFn: ({ signal }) => apiFetch<RecipesView>(recipeUrls.scan(clusterId, params), { signal }),
  });
}
