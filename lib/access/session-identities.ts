// Who the console's ZooKeeper session is, as ACLs see it: world:anyone, its address when it
// connects over loopback, and the identities it adds with add_auth (the cluster credentials).
import type { SessionTarget } from "@/lib/core/zk/sessions";
import { parseConnectionString } from "@/lib/core/zk/connection-string";
import { digestIdOfCredential } from "@/lib/core/zk/digest";
import { isIpv4 } from "@/lib/core/ip-address";

export type Identity = {
  scheme: string;
  /** The id ACL entries name; null when only the server knows it (a non-digest add_auth scheme). */
  id: string | null;
  /** Whether it came from add_auth (what an `auth` ACL entry stands for). */
  authenticated: boolean;
};

/** The address the server sees. Only literal IPv4 loopback hosts give a certain answer (127.0.0.1);
 * for any other host we cannot know it, so no ip identity is assumed (the lockout guard stays strict). */
function loopbackAddress(connectionString: string): string | null {
  const parsed = parseConnectionString(connectionString);
  if ("error" in parsed) return null;
  return parsed.hosts.every((h) => isIpv4(h.host) && h.host.startsWith("127.")) ? "127.0.0.1" : null;
}

export function identitiesOf(target: Pick<SessionTarget, "connectionString" | "auth">): Identity[] {
  const ids: Identity[] = [{ scheme: "world", id: "anyone", authenticated: false }];
  const address = loopbackAddress(target.connectionString);
  if (address) ids.push({ scheme: "ip", id: address, authenticated: false });
  for (const a of target.auth ?? []) {
    ids.push({ scheme: a.scheme, id: a.scheme === "digest" ? digestIdOfCredential(a.credential) : null, authenticated: true });
  }
  return ids;
}

/** How an identity is shown: a digest credential by its user only (its hash is derived from the password). */
export function identityLabel(i: Identity): string {
  if (i.id === null) return `${i.scheme} (cluster credential)`;
  if (i.scheme === "digest") return `digest:${i.id.slice(0, i.id.indexOf(":"))} (cluster credential)`;
  return `${i.scheme}:${i.id}`;
}
