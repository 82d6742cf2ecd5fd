// CLUSTER_HOST_ALLOWLIST: the hosts the console may open connections to – ZooKeeper members (when a
// cluster is registered or changed, before a connection test, and members only the dynamic config
// names before they are probed) and webhook URLs (when set, and again before each delivery, since
// a name may resolve elsewhere later) – so the console cannot be used to probe the internal network
// or a cloud metadata service. Comma-separated entries:
//   host globs      localhost, zk?.example.com, *.zk.internal   (* any run of characters, ? one)
//   addresses/CIDRs 127.0.0.1, 10.20.0.0/16, fd00::/8
// Unset or empty: every host is allowed. A host name not matched by a glob is resolved, and allowed
// only when every address it resolves to lies in an allowed range.
import dns from "node:dns/promises";
import net from "node:net";
import { errors } from "@/lib/core/errors";
import { bareHost, parseConnectionString } from "@/lib/core/zk/connection-string";

export type HostAllowlist = { entries: string[]; globs: RegExp[]; ranges: net.BlockList; hasRanges: boolean };

const globToRegExp = (glob: string) => new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`, "i");

/** Parses the variable; throws a sentence naming the bad entry. Null when unset (no restriction). */
export function parseHostAllowlist(value: string | undefined): HostAllowlist | null {
  const entries = (value ?? "").split(",").map((e) => e.trim()).filter(Boolean);
  if (entries.length === 0) return null;
  const list: HostAllowlist = { entries, globs: [], ranges: new net.BlockList(), hasRanges: false };
  for (const entry of entries) {
    const [addr, bits, extra] = entry.split("/");
    const family = net.isIP(addr);
    if (family && extra === undefined) {
      const type = family === 4 ? "ipv4" : "ipv6";
      const max = family === 4 ? 32 : 128;
      if (bits !== undefined && !(/^\d{1,3}$/.test(bits) && Number(bits) <= max)) throw new Error(`CLUSTER_HOST_ALLOWLIST entry ${JSON.stringify(entry)}: the prefix length must be 0-${max}`);
      if (bits === undefined) list.ranges.addAddress(addr, type);
      else list.ranges.addSubnet(addr, Number(bits), type);
      list.hasRanges = true;
    } else if (/^[a-z0-9*?.-]+$/i.test(entry)) {
      list.globs.push(globToRegExp(entry));
    } else {
      throw new Error(`CLUSTER_HOST_ALLOWLIST entry ${JSON.stringify(entry)} is neither a host glob (zk*.example.com) nor an address or CIDR range (10.0.0.0/8)`);
    }
  }
  return list;
}

const unmapped = (ip: string) => (/^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(ip) ? ip.slice(7) : ip);

function inRanges(list: HostAllowlist, ip: string): boolean {
  const addr = unmapped(ip);
  const family = net.isIP(addr);
  return family !== 0 && list.ranges.check(addr, family === 4 ? "ipv4" : "ipv6");
}

async function resolveAll(host: string): Promise<string[]> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error("timed out")), 3000); });
  try {
    return (await Promise.race([dns.lookup(host, { all: true, verbatim: true }), timeout])).map((a) => a.address);
  } finally {
    clearTimeout(timer);
  }
}

/** Why the host may not be connected to, or null when the allowlist admits it. */
export async function hostRefusal(list: HostAllowlist, rawHost: string): Promise<string | null> {
  const host = bareHost(rawHost);
  if (list.globs.some((g) => g.test(host) || g.test(rawHost))) return null;
  if (net.isIP(host)) return inRanges(list, host) ? null : `${host} is not in CLUSTER_HOST_ALLOWLIST`;
  if (!list.hasRanges) return `${host} is not in CLUSTER_HOST_ALLOWLIST`;
  const addresses = await resolveAll(host).catch(() => null);
  if (!addresses?.length) return `${host} is not in CLUSTER_HOST_ALLOWLIST (and could not be resolved to check its addresses)`;
  const outside = addresses.filter((a) => !inRanges(list, a));
  return outside.length ? `${host} resolves to ${outside.join(", ")}, outside CLUSTER_HOST_ALLOWLIST` : null;
}

export const hostNotAllowed = (why: string, list: HostAllowlist, field?: string) =>
  errors.hostNotAllowed(why, list.entries, field);

function allowlistOf(env: NodeJS.ProcessEnv): HostAllowlist | null {
  try {
    return parseHostAllowlist(env.CLUSTER_HOST_ALLOWLIST);
  } catch (e) {
    throw errors.configInvalid((e as Error).message); // also stops start-up (lib/auth/config-check.ts)
  }
}

/** Throws HOST_NOT_ALLOWED when any host of the connection string is outside the allowlist. */
export async function assertHostsAllowed(connectionString: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const list = allowlistOf(env);
  if (!list) return;
  const parsed = parseConnectionString(connectionString);
  if ("error" in parsed) return; // the schema reports it
  for (const { host } of parsed.hosts) {
    const why = await hostRefusal(list, host);
    if (why) throw hostNotAllowed(why, list);
  }
}

/** Why the console may not connect to host (a member the dynamic config names), or null. */
export async function memberHostRefusal(host: string, env: NodeJS.ProcessEnv = process.env): Promise<string | null> {
  const list = allowlistOf(env);
  return list ? hostRefusal(list, host) : null;
}

/** Why the console may not POST to this webhook URL, or null when the allowlist admits its host. */
export async function webhookUrlRefusal(url: string, env: NodeJS.ProcessEnv = process.env): Promise<string | null> {
  const list = allowlistOf(env);
  if (!list) return null;
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return "the webhook URL cannot be parsed";
  }
  const why = await hostRefusal(list, host);
  return why && `webhook host ${why}`;
}

/** Throws HOST_NOT_ALLOWED (field webhookUrl) when the URL's host is outside the allowlist. */
export async function assertWebhookUrlAllowed(url: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const why = await webhookUrlRefusal(url, env);
  if (why) throw hostNotAllowed(why, allowlistOf(env)!, "webhookUrl");
}
