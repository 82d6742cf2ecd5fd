export { performMutation, type MutationSpec } from "./perform";
export { authorizeWrite, type WriteAction } from "./authorize";
export { requireReason } from "./reason";
export type { RequestCtx } from "@/lib/core/context";
