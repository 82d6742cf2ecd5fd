// What a mutation declares about each node it touches (authorize.ts checks it, guarded-client.ts holds run() to it).
import type { AclRule } from "@/lib/core/zk/acl-ids";

/** What a mutation does to one znode. */
export type NodeAction = "create" | "set" | "delete" | "set_acl";

/**
 * One node a mutation touches. `needs` is the role it takes there: an ACL change needs admin,
 * the rest write, unless the operation is an administrative one (a forced release, a reconfig).
 * An ACL change names the ACL it sets (and the one there now, null for a node it creates; left
 * out, the pipeline reads it), so it is checked like an edit in the ACL editor.
 */
export type TouchedNode =
  | { path: string; action: "create" | "set" | "delete"; needs?: "write" | "admin" }
  | { path: string; action: "set_acl"; acl: AclRule[]; current?: AclRule[] | null };
