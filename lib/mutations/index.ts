export { performMutation, type MutationSpec } from "./perform";
export { authorizeWrite, type WriteAction } from "./authorize";
export type { RequestCtx } from "./context";
