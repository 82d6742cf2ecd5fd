// ACL rules (perms as bits) to and from what ZooKeeper takes and what the API shows.
import type { AclEntry } from "@/lib/core/zk/client";
import { permLetters, type AclView } from "@/lib/core/zk/perms";
import type { AclRule } from "./schema";

export const toRules = (acl: AclEntry[]): AclRule[] => acl.map((e) => ({ scheme: e.scheme, id: e.auth, perms: e.perms }));

export const toZkAcl = (acl: AclRule[]): AclEntry[] => acl.map((e) => ({ scheme: e.scheme, auth: e.id, perms: e.perms }));

export const rulesView = (acl: AclRule[]): AclView[] => acl.map((e) => ({ scheme: e.scheme, id: e.id, perms: permLetters(e.perms) }));

/** Same entries regardless of order: ZooKeeper keeps the order it was given, the meaning does not depend on it. */
export function sameAcl(a: AclRule[], b: AclRule[]): boolean {
  const key = (acl: AclRule[]) => acl.map((e) => `${e.scheme}\u0000${e.id}\u0000${e.perms}`).sort().join("\n");
  return key(a) === key(b);
}
