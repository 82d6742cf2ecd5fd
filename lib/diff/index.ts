export { diffTrees, pairsOf } from "./diff-trees";
export { compareNodes } from "./compare-nodes";
export * from "./schema";
