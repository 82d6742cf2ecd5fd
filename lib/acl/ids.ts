// The id rules of each ACL scheme, checked before ZooKeeper sees them, in words an operator can act on.
// Shared by the server (the one check that counts) and the editor (early hints).
import { isIpv4, isIpv6 } from "@/lib/core/ip-address";

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
