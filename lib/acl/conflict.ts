// Errors of an ACL write, in operator terms: a stale aversion (with what is there now, to reload
// or merge) and an ACL ZooKeeper itself refuses.
import { ConsoleError } from "@/lib/core/errors";
import type { AclEntry, ZkClient } from "@/lib/core/zk/client";
import { ZkError } from "@/lib/core/zk/errors";
import { formatAclView } from "@/lib/core/zk/perms";

/** `details` of an ACL's BAD_VERSION: the ACL there now, to reload or merge (the browser reads it as AclConflict). */
export const aclConflictDetails = (expected: number, now: { acl: AclEntry[]; stat: { aversion: number } }) => ({
  expectedAversion: expected,
  currentAversion: now.stat.aversion,
  current: { acl: formatAclView(now.acl), aversion: now.stat.aversion },
});

export async function aclConflict(client: ZkClient, path: string, expected: number): Promise<ConsoleError> {
  if (!(await client.exists(path))) return new ConsoleError("NO_NODE", 404, `znode ${path} was deleted by someone else since you opened it`);
  const now = await client.getAcl(path);
  return new ConsoleError("BAD_VERSION", 409, `ACL version ${expected} is stale: the ACL of ${path} was changed by someone else and is now at aversion ${now.stat.aversion}; reload it, or merge your entries into it and save again`, aclConflictDetails(expected, now));
}

const INVALID_ACL_RC = -114;

export function isInvalidAcl(e: unknown): boolean {
  return e instanceof ZkError && e.rc === INVALID_ACL_RC;
}

export const invalidAcl = (path: string) =>
  new ConsoleError("INVALID_ACL", 400, `ZooKeeper refused the ACL for ${path} as invalid. Usual causes: an x509 or sasl entry on a server without that authentication provider, an IPv6 ip entry (ZooKeeper 3.8 accepts IPv4 only), or an auth entry while the console's session has no credential`);
