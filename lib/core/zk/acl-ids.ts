// The rules an ACL must follow before ZooKeeper sees it, in words an operator can act on: the id
// rules of each scheme, permission bits, size and repeats. Shared by the server (the one check that
// counts: the ACL editor's input and every ACL any other operation sets) and the editor (early hints).
import { isIpv4, isIpv6 } from "../ip-address";
import type { AclEntry } from "./client";
import { ALL_PERMS } from "./perms";

/** One ACL entry as the console holds it: perms as ZooKeeper bits. */
export type AclRule = { scheme: string; id: string; perms: number };

export const MAX_ACL_ENTRIES = 64;

export const toRules = (acl: AclEntry[]): AclRule[] => acl.map((e) => ({ scheme: e.scheme, id: e.auth, perms: e.perms }));

export const toZkAcl = (acl: AclRule[]): AclEntry[] => acl.map((e) => ({ scheme: e.scheme, auth: e.id, perms: e.perms }));

export const SCHEMES = ["world", "auth", "digest", "ip", "x509", "sasl"] as const;
export type Scheme = (typeof SCHEMES)[number];

function ipProblem(id: string): string | null {
  const [addr, bits, extra] = id.split("/");
  if (extra !== undefined) return `ip id ${JSON.stringify(id)} has more than one "/"`;
  const v4 = isIpv4(addr);
  if (!v4 && !isIpv6(addr)) return `ip id ${JSON.stringify(id)} is not an IPv4 or IPv6 address (e.g. 10.0.0.5, 10.0.0.0/8, fd00::/8)`;
  if (bits === undefined) return null;
  const max = v4 ? 32 : 128;
  if (!/^\d{1,3}$/.test(bits) || Number(bits) > max) return `ip id ${JSON.stringify(id)}: the prefix length after "/" must be 0–${max}`;
  return null;
}

// user:base64(sha1(user:password)) – SHA-1 is 20 bytes, so 28 base64 characters ending in "=".
const DIGEST = /^[^:\s]+:[A-Za-z0-9+/]{27}=$/;
// Relative distinguished names separated by commas: CN=host,OU=ops,O=Example (commas inside values escaped as \,).
const DN = /^\s*[A-Za-z][\w.-]*\s*=\s*(?:[^,\\]|\\.)+(?:,\s*[A-Za-z][\w.-]*\s*=\s*(?:[^,\\]|\\.)+)*$/;
// Kerberos-style principal: name[/instance][@REALM], or a plain user name (SASL/DIGEST-MD5).
const PRINCIPAL = /^[^\s/@]+(?:\/[^\s/@]+)?(?:@[^\s/@]+)?$/;

/** Why `id` is not valid for `scheme`, or null when it is. */
export function aclIdProblem(scheme: string, id: string): string | null {
  switch (scheme) {
    case "world":
      return id === "anyone" ? null : `the world scheme has exactly one id, "anyone" (got ${JSON.stringify(id)})`;
    case "auth":
      return null; // ZooKeeper ignores it: it stands for every identity the session authenticated with
    case "digest":
      // ZooKeeper answers getACL with user:x for a session without ADMIN on the node (3.6+).
      if (/^[^:\s]+:x$/.test(id)) return `digest id ${JSON.stringify(id)} is masked: ZooKeeper hides a digest from a session without ADMIN on the node it was read from, so it cannot be set again as it was`;
      return DIGEST.test(id) ? null : `digest id must be user:base64(sha1(user:password)), 28 base64 characters after the colon (use the digest helper to compute it from a user and password)`;
    case "ip":
      return ipProblem(id);
    case "x509":
      return DN.test(id) ? null : `x509 id must be a certificate's distinguished name such as CN=client,OU=ops,O=Example`;
    case "sasl":
      return PRINCIPAL.test(id) ? null : `sasl id must be a principal such as zkclient or zkclient/host@EXAMPLE.COM`;
    default:
      return `unknown ACL scheme ${JSON.stringify(scheme)}; use one of ${SCHEMES.join(", ")}`;
  }
}

/** The id as ZooKeeper should receive it: auth ids are sent empty, the rest trimmed. */
export const normalizeId = (scheme: string, id: string) => (scheme === "auth" ? "" : id.trim());

/** Entry `i` repeats an earlier one (same scheme and id): the sentence, or null. */
export function repeatedEntryProblem(acl: Pick<AclRule, "scheme" | "id">[]): { index: number; message: string } | null {
  const seen = new Map<string, number>();
  for (let i = 0; i < acl.length; i++) {
    const key = `${acl[i].scheme}:${acl[i].id}`;
    const first = seen.get(key);
    if (first !== undefined) return { index: i, message: `entry ${i + 1} repeats ${key} from entry ${first + 1}: merge their permissions into one entry` };
    seen.set(key, i);
  }
  return null;
}

/**
 * Why an ACL (as ZooKeeper takes it, perms as bits) may not be set, or null: the rules the ACL
 * editor's input follows, applied to an ACL from anywhere (an import file, a copied source).
 */
export function aclProblem(acl: AclRule[]): string | null {
  if (acl.length === 0) return "an ACL needs at least one entry";
  if (acl.length > MAX_ACL_ENTRIES) return `an ACL may have at most ${MAX_ACL_ENTRIES} entries`;
  for (const [i, e] of acl.entries()) {
    const where = `entry ${i + 1} (${e.scheme}:${e.id})`;
    const problem = aclIdProblem(e.scheme, normalizeId(e.scheme, e.id));
    if (problem) return `${where}: ${problem}`;
    if (!Number.isInteger(e.perms) || e.perms < 1 || e.perms > ALL_PERMS) return `${where}: perms must grant at least one of c, d, r, w, a and nothing else (got ${JSON.stringify(e.perms)})`;
  }
  return repeatedEntryProblem(acl)?.message ?? null;
}
