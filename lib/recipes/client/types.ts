// Response shape of the recipe scan, derived from the server verb (type-only import).
import type { scanRecipes } from "@/lib/recipes/scan-recipes";

export type RecipesView = Awaited<ReturnType<typeof scanRecipes>>;
