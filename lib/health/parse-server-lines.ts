// `server.N=host:quorumPort:electionPort[:participant|:observer][;[clientHost:]clientPort]`
// lines and `version=<hex>`: the dynamic config (/zookeeper/config) and `conf`'s membership.
export type ServerEntry = {
  id: number;
  host: string;
  quorumPort: number;
  electionPort: number;
  role: "participant" | "observer";
  clientHost: string | null;
  clientPort: number | null;
};

export type MembershipConfig = { servers: ServerEntry[]; version: string | null };

export function parseServerLine(line: string): ServerEntry | null {
  const m = /^server\.(\d+)=([^;]+?)(?:;(.*))?$/.exec(line.trim());
  if (!m) return null;
  const parts = m[2].split(":");
  // IPv6 hosts are bracketed: [::1]:2888:3888
  const bracket = /^(\[[^\]]+\]):(\d+):(\d+)(?::(\w+))?$/.exec(m[2]);
  const [host, q, e, role] = bracket ? bracket.slice(1) : [parts[0], parts[1], parts[2], parts[3]];
  if (!host || !Number(q) || !Number(e)) return null;
  let clientHost: string | null = null;
  let clientPort: number | null = null;
  if (m[3]) {
    const c = m[3].trim();
    const idx = c.lastIndexOf(":");
    clientPort = Number(idx >= 0 ? c.slice(idx + 1) : c) || null;
    clientHost = idx >= 0 ? c.slice(0, idx) : null;
  }
  return { id: Number(m[1]), host, quorumPort: Number(q), electionPort: Number(e), role: role === "observer" ? "observer" : "participant", clientHost, clientPort };
}

export function parseMembership(text: string): MembershipConfig {
  const servers: ServerEntry[] = [];
  let version: string | null = null;
  for (const line of text.split("\n")) {
    const s = parseServerLine(line);
    if (s) servers.push(s);
    const v = /^version=([0-9a-fA-F]+)\s*$/.exec(line.trim());
    if (v) version = v[1];
  }
  return { servers, version };
}

/** Where clients reach a server: its client address, or its quorum host when bound to all interfaces. */
export function clientAddressOf(s: ServerEntry): { host: string; port: number } | null {
  if (!s.clientPort) return null;
  const host = !s.clientHost || s.clientHost === "0.0.0.0" || s.clientHost === "[::]" ? s.host : s.clientHost;
  return { host, port: s.clientPort };
}
