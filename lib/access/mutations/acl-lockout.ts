// The lockout guard: an ACL change must not leave the console's own session without ADMIN on
// the node, or nobody could repair it through the console. When unsure whether an entry
// matches the session (an ip range from a remote host, x509, sasl), it is assumed not to.
import { ConsoleError, errors } from "@/lib/core/errors";
import { identityLabel, type Identity } from "../session-identities";
import { isIpv4 } from "@/lib/core/ip-address";
import { ADMIN, permNames, type PermName } from "@/lib/core/zk/perms";
import type { AclRule } from "@/lib/core/zk/acl-ids";

const ipv4ToInt = (a: string) => a.split(".").reduce((n, o) => n * 256 + Number(o), 0);

function ipCovers(entryId: string, address: string): boolean {
  const [net, bitsText] = entryId.split("/");
  if (!isIpv4(net) || !isIpv4(address)) return false;
  const bits = bitsText === undefined ? 32 : Number(bitsText);
  const size = 2 ** (32 - bits);
  return Math.floor(ipv4ToInt(net) / size) === Math.floor(ipv4ToInt(address) / size);
}

/** Whether one ACL entry applies to a session with these identities. */
export function entryMatches(entry: Pick<AclRule, "scheme" | "id">, identities: Identity[]): boolean {
  switch (entry.scheme) {
    case "world":
      return entry.id === "anyone";
    case "auth":
      // ZooKeeper replaces it with every identity the session authenticated with.
      return identities.some((i) => i.authenticated);
    case "ip":
      return identities.some((i) => i.scheme === "ip" && i.id !== null && ipCovers(entry.id, i.id));
    default:
      return identities.some((i) => i.scheme === entry.scheme && i.id === entry.id);
  }
}

/** The permission bits a session with these identities holds under an ACL. */
export const sessionPerms = (acl: Pick<AclRule, "scheme" | "id" | "perms">[], identities: Identity[]) =>
  acl.reduce((bits, e) => (entryMatches(e, identities) ? bits | e.perms : bits), 0);

export type Lockout = { path: string; lost: PermName[]; identities: string[] };

/** The lockout a new ACL would cause, or null when the session keeps ADMIN. */
export function lockoutOf(path: string, next: AclRule[], current: AclRule[] | null, identities: Identity[]): Lockout | null {
  const after = sessionPerms(next, identities);
  if (after & ADMIN) return null;
  const before = current ? sessionPerms(current, identities) : ADMIN;
  return { path, lost: permNames((before | ADMIN) & ~after), identities: identities.map(identityLabel) };
}

/** `details` of a LOCKOUT: what the session would lose, and how to override (the browser reads it as LockoutDetails). */
export const lockoutDetails = (l: Lockout) => ({ ...l, override: { field: "override", requiresReason: true } });

export function lockoutError(l: Lockout): ConsoleError {
  return errors.lockout(
    `this ACL would leave the console's own ZooKeeper session without ADMIN on ${l.path} (it would lose: ${l.lost.join(", ")}): ` +
      `no entry granting "a" matches its identities (${l.identities.join(", ")}). Afterwards nobody could change this ACL through the console, ` +
      `only a ZooKeeper super user. To do it anyway, an admin saves again with override and a reason (API: "override": true, "reason": "...").`,
    lockoutDetails(l),
  );
}
