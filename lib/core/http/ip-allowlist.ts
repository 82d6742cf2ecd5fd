// Client addresses allowed without credentials, from a comma-separated list of addresses and CIDR
// ranges (METRICS_ALLOW=127.0.0.1/32,10.0.0.0/8,::1). The address checked is clientIp's, so it
// follows TRUST_PROXY: behind a declared proxy the client it names, otherwise the TCP peer.
import { BlockList, isIP } from "node:net";

export type IpAllowlist = { allows: (ip: string | null) => boolean; entries: string[] };

/** Parse a list; a bad entry is an error naming it and the variable (checked at start-up). */
export function parseIpAllowlist(value: string | undefined, variable: string): IpAllowlist {
  const list = new BlockList();
  const entries = (value ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  for (const entry of entries) {
    const [address, prefix, ...rest] = entry.split("/");
    const family = isIP(address);
    const bits = prefix === undefined ? null : /^\d{1,3}$/.test(prefix) ? Number(prefix) : NaN;
    if (family === 0 || rest.length > 0 || Number.isNaN(bits) || (bits !== null && bits > (family === 4 ? 32 : 128))) {
      throw new Error(`${variable}: ${JSON.stringify(entry)} is not an IP address or CIDR range (e.g. 127.0.0.1/32, 10.0.0.0/8, ::1)`);
    }
    const type = family === 4 ? "ipv4" : "ipv6";
    if (bits === null) list.addAddress(address, type);
    else list.addSubnet(address, bits, type);
  }
  return {
    entries,
    allows: (ip) => {
      if (!ip || entries.length === 0) return false;
      const family = isIP(ip);
      return family !== 0 && list.check(ip, family === 4 ? "ipv4" : "ipv6");
    },
  };
}

const cache = { value: undefined as string | undefined, list: null as IpAllowlist | null };

/** The addresses that may scrape /metrics without a token (METRICS_ALLOW; unset: none). */
export function metricsAllowlist(): IpAllowlist {
  const value = process.env.METRICS_ALLOW;
  if (!cache.list || cache.value !== value) cache.list = parseIpAllowlist(value, "METRICS_ALLOW");
  cache.value = value;
  return cache.list;
}
