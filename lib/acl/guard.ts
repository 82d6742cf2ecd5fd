// Checks an ACL change must pass before it is sent: auth entries need an authenticated session,
// and the lockout guard (refused unless overridden with a reason).
import { errors } from "@/lib/core/errors";
import type { Identity } from "@/lib/access/session-identities";
import { lockoutError, lockoutOf } from "./lockout";
import type { AclRule } from "./schema";

export type GuardInput = { path: string; next: AclRule[]; current: AclRule[] | null; identities: Identity[]; override: boolean; reason?: string | null };

/** Returns the lockout that was overridden (for the audit trail), or null; throws when refused. */
export function guardAclChange({ path, next, current, identities, override, reason }: GuardInput) {
  if (next.some((e) => e.scheme === "auth") && !identities.some((i) => i.authenticated)) {
    throw errors.authEntryWithoutCredential();
  }
  const lockout = lockoutOf(path, next, current, identities);
  if (!lockout) return null;
  if (!override) throw lockoutError(lockout);
  if (!reason?.trim()) throw errors.overrideReasonRequired(path);
  return lockout;
}
