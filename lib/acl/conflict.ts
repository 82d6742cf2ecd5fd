// Errors of an ACL write, in operator terms: a stale aversion (with what is there now, to reload
// or merge) and an ACL ZooKeeper itself refuses.
import { ConsoleError, errors } from "@/lib/core/errors";
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
  if (!(await client.exists(path))) return errors.deletedMeanwhile(path);
  const now = await client.getAcl(path);
  return errors.staleAclVersion(path, expected, now.stat.aversion, aclConflictDetails(expected, now));
}

const INVALID_ACL_RC = -114;

export function isInvalidAcl(e: unknown): boolean {
  return e instanceof ZkError && e.rc === INVALID_ACL_RC;
}

export const invalidAcl = (path: string) =>
  errors.aclRefused(path);
