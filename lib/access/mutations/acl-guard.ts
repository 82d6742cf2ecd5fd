// The one check every ACL a mutation sets must pass, whatever sets it (the ACL editor, a recursive
// apply, an import or copy with ACLs, a restore, a multi): the ACL rules the editor's input follows,
// auth entries only for a session that authenticated, and the lockout guard (refused unless
// overridden with a reason). The ACL permission on the node is the pipeline's per-node check.
import { errors } from "@/lib/core/errors";
import { aclProblem, type AclRule } from "@/lib/core/zk/acl-ids";
import type { Identity } from "../session-identities";
import { lockoutError, lockoutOf, type Lockout } from "./acl-lockout";

export type AclWrite = { path: string; next: AclRule[]; current: AclRule[] | null; identities: Identity[]; override: boolean; reason?: string | null };

/** Returns the lockout that was overridden (for the audit trail), or null; throws when refused. */
export function guardAclChange({ path, next, current, identities, override, reason }: AclWrite): Lockout | null {
  const problem = aclProblem(next);
  if (problem) throw errors.invalidAclFor(path, problem);
  if (next.some((e) => e.scheme === "auth") && !identities.some((i) => i.authenticated)) {
    throw errors.authEntryWithoutCredential();
  }
  const lockout = lockoutOf(path, next, current, identities);
  if (!lockout) return null;
  if (!override) throw lockoutError(lockout);
  if (!reason?.trim()) throw errors.overrideReasonRequired(path);
  return lockout;
}
