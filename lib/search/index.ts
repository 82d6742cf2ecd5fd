export { searchTree } from "./search-tree";
export { matcherOf } from "./matcher";
export * from "./schema";
