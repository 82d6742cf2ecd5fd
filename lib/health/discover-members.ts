// Which members an ensemble has: the connection string, plus the dynamic config
// (/zookeeper/config) or a member's `conf` membership, matched by client address or server id.
import { parseConnectionString } from "@/lib/core/zk/connection-string";
import type { MemberHealth } from "./member-health";
import { clientAddressOf, type MembershipConfig } from "./parse-server-lines";
import type { MemberProbe } from "./probe-member";

export type Target = { host: string; clientPort: number; sources: MemberHealth["sources"] };

export function targetsFrom(connectionString: string, membership: MembershipConfig | null): Target[] {
  const parsed = parseConnectionString(connectionString);
  const targets: Target[] = "error" in parsed ? [] : parsed.hosts.map((h) => ({ host: h.host, clientPort: h.port, sources: ["connection-string"] }));
  for (const s of membership?.servers ?? []) {
    const addr = clientAddressOf(s);
    if (!addr) continue;
    const known = targets.find((t) => t.host === addr.host && t.clientPort === addr.port);
    if (known) known.sources.push("dynamic-config");
    else targets.push({ host: addr.host, clientPort: addr.port, sources: ["dynamic-config"] });
  }
  return targets;
}

// Server ids seen per client address: a member that is down has no `conf` to tell its id.
const knownIds: Map<string, number> = ((globalThis as { __healthServerIds?: Map<string, number> }).__healthServerIds ??= new Map());

/** Join probes with the membership: server id and role per member; configured members never probed appear as "unknown". */
export function assembleMembers(targets: Target[], probes: MemberProbe[], membership: MembershipConfig | null): MemberHealth[] {
  const servers = membership?.servers ?? [];
  const address = (t: Target) => `${t.host}:${t.clientPort}`;
  const idOf: (number | null)[] = targets.map((t, i) => {
    const conf = probes[i].conf;
    const byAddress = servers.find((s) => { const a = clientAddressOf(s); return a?.host === t.host && a.port === t.clientPort; });
    const id = byAddress?.id ?? (conf?.serverId || null) ?? null;
    if (id) knownIds.set(address(t), id);
    return id ?? knownIds.get(address(t)) ?? null;
  });
  // One member unaccounted for on each side (typically: the one that is down): they are the same.
  const unmatchedServers = servers.filter((s) => !idOf.includes(s.id));
  const unmatchedTargets = idOf.map((id, i) => (id === null ? i : -1)).filter((i) => i >= 0);
  if (unmatchedServers.length === 1 && unmatchedTargets.length === 1) idOf[unmatchedTargets[0]] = unmatchedServers[0].id;

  const members: MemberHealth[] = targets.map((t, i) => {
    const { conf, cons: _c, dump: _d, ...probe } = probes[i];
    const server = servers.find((s) => s.id === idOf[i]);
    const role = server?.role ?? (conf?.observer ? "observer" : conf?.membership ? "participant" : null);
    const sources = server && !t.sources.includes("conf") && membership ? [...t.sources, "conf" as const] : t.sources;
    return { ...probe, host: t.host, clientPort: t.clientPort, serverId: idOf[i], role, sources };
  });
  // Configured servers nobody probed; as many as there are unidentified targets may be those, so not counted twice.
  const stillUnmatched = servers.filter((s) => !idOf.includes(s.id)).slice(idOf.filter((id) => id === null).length);
  for (const s of stillUnmatched) {
    members.push({
      ...unknownMember(s.host),
      serverId: s.id,
      role: s.role,
      sources: ["conf"],
      error: "no client address is known for this member: add it to the connection string, or give server lines a client port (;2181) in a dynamic config",
    });
  }
  return members;
}

function unknownMember(host: string): MemberHealth {
  return {
    address: `${host}:?`, host, clientPort: null, serverId: null, role: null, sources: [], state: "unknown", error: null, notWhitelisted: [], fix: null,
    source: null, mode: null, readOnly: null, version: null, zxid: null, latency: null, outstanding: null, znodeCount: null, watchCount: null,
    ephemerals: null, dataSize: null, openFds: null, maxFds: null, connections: null, learners: null, syncedFollowers: null, syncedObservers: null,
    pendingSyncs: null, quorumSize: null, watches: null, probedAt: new Date().toISOString(),
  };
}
