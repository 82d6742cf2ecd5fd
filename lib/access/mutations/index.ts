export { performMutation, type MutationSpec } from "./perform";
export { authorizeNodes, CREATED_ACL, nodeGuard, type NodeAction, type NodeGuard, type TouchedNode } from "./authorize";
export { guardAclChange } from "./acl-guard";
export { lockoutDetails, sessionPerms, type Lockout } from "./acl-lockout";
export { requireReason } from "./reason";
export { aclOf, b64, type PlannedOp } from "./ops";
export type { RequestCtx } from "@/lib/core/context";
