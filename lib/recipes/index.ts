export { scanRecipes, type FoundRecipe, type ServiceGroup } from "./scan-recipes";
export { forceRelease } from "./force-release";
export { classifyChildren, isRecipeNode, parseCuratorInstance } from "./classify";
