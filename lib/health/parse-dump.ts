// `dump`: sessions (with timeouts on followers, expiry buckets on the leader/standalone)
// and the ephemeral nodes each session owns.
export type DumpInfo = {
  sessions: { id: string; timeoutMs: number | null }[];
  ephemerals: { sessionId: string; paths: string[] }[];
  /** This member's client connections: remote address and session. */
  connections: { client: string; sessionId: string }[];
};

export function parseDump(text: string): DumpInfo {
  const [trackerPart, rest = ""] = text.split(/^ephemeral nodes dump:\s*$/m);
  const [ephemeralPart, connectionPart = ""] = rest.split(/^Connections dump:\s*$/m);
  const sessions = new Map<string, number | null>();
  for (const line of trackerPart.split("\n")) {
    // follower: "0x10000117cfe0000\t30000ms"; leader: "\t0x10000117cfe0000" under an expiry bucket
    const m = /^\s*(0x[0-9a-f]+)(?:\s+(\d+)ms)?\s*$/i.exec(line);
    if (m) sessions.set(m[1], m[2] ? Number(m[2]) : null);
  }
  const ephemerals: DumpInfo["ephemerals"] = [];
  let current: DumpInfo["ephemerals"][number] | null = null;
  for (const line of ephemeralPart.split("\n")) {
    const owner = /^(0x[0-9a-f]+):\s*$/i.exec(line);
    if (owner) {
      current = { sessionId: owner[1], paths: [] };
      ephemerals.push(current);
    } else if (current && /^\s+\//.test(line)) current.paths.push(line.trim());
  }
  for (const e of ephemerals) if (!sessions.has(e.sessionId)) sessions.set(e.sessionId, null);
  const connections: DumpInfo["connections"] = [];
  for (const m of connectionPart.matchAll(/ip: \/?(\S+) sessionId: (0x[0-9a-f]+)/gi)) {
    if (m[2] !== "0x0") connections.push({ client: m[1], sessionId: m[2] });
  }
  return { sessions: [...sessions].map(([id, timeoutMs]) => ({ id, timeoutMs })), ephemerals, connections };
}
