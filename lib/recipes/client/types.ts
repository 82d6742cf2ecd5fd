// Shapes of the recipe endpoints as the browser sees them (type-only imports of the server's).
import type { z } from "zod";
import type { Answer } from "@/lib/core/client/answer";
import type { forceRelease, scanRecipes } from "@/lib/recipes";
import type { forceReleaseInput } from "@/lib/recipes/schema";

export type RecipesView = Answer<typeof scanRecipes>;
export type ForceReleaseInput = z.input<typeof forceReleaseInput>;
export type ForceReleaseResult = Answer<typeof forceRelease>;
