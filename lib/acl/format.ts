// ACL rules (perms as bits) to and from what ZooKeeper takes and what the API shows.
import { toRules, toZkAcl, type AclRule } from "@/lib/core/zk/acl-ids";
import { permLetters, type AclView } from "@/lib/core/zk/perms";

export { toRules, toZkAcl };

export const rulesView = (acl: AclRule[]): AclView[] => acl.map((e) => ({ scheme: e.scheme, id: e.id, perms: permLetters(e.perms) }));

/** Same entries regardless of order: ZooKeeper keeps the order it was given, the meaning does not depend on it. */
export function sameAcl(a: AclRule[], b: AclRule[]): boolean {
  const key = (acl: AclRule[]) => acl.map((e) => `${e.scheme}\u0000${e.id}\u0000${e.perms}`).sort().join("\n");
  return key(a) === key(b);
}
