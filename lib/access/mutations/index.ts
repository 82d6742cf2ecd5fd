export { performMutation, type MutationSpec } from "./perform";
export { authorizeNodes, type NodeAction, type TouchedNode } from "./authorize";
export { requireReason } from "./reason";
export type { RequestCtx } from "@/lib/core/context";
