// `cons`: one line per client connection of this member, e.g.
//  /127.0.0.1:55390[1](queued=0,recved=9,sent=9,sid=0x10000117cfe0000,lop=GETD,est=1796035337035,to=30000,...)
export type Connection = {
  client: string;
  sessionId: string | null;
  timeoutMs: number | null;
  queued: number | null;
  received: number | null;
  sent: number | null;
  lastOperation: string | null;
  established: string | null;
  lastLatencyMs: number | null;
  avgLatencyMs: number | null;
  maxLatencyMs: number | null;
};

export function parseCons(text: string): Connection[] {
  const out: Connection[] = [];
  for (const line of text.split("\n")) {
    const m = /^\s*\/?(\S+?)\[\d+\]\((.*)\)\s*$/.exec(line);
    if (!m) continue;
    const kv: Record<string, string> = {};
    for (const pair of m[2].split(",")) {
      const eq = pair.indexOf("=");
      if (eq > 0) kv[pair.slice(0, eq)] = pair.slice(eq + 1);
    }
    const num = (k: string) => (kv[k] !== undefined && Number.isFinite(Number(kv[k])) ? Number(kv[k]) : null);
    out.push({
      client: m[1],
      sessionId: kv.sid ?? null,
      timeoutMs: num("to"),
      queued: num("queued"),
      received: num("recved"),
      sent: num("sent"),
      lastOperation: kv.lop && kv.lop !== "NA" ? kv.lop : null,
      established: num("est") !== null ? new Date(num("est")!).toISOString() : null,
      lastLatencyMs: num("llat"),
      avgLatencyMs: num("avglat"),
      maxLatencyMs: num("maxlat"),
    });
  }
  return out;
}

/** The AdminServer `connections` command; session ids exceed 2^53, so they are read from the raw text. */
export function parseAdminConnections(raw: string): Connection[] {
  const json = JSON.parse(raw.replace(/"session_id"\s*:\s*(\d+)/g, '"session_id":"$1"')) as { connections?: Record<string, unknown>[] };
  return (json.connections ?? []).map((c) => {
    const num = (k: string) => (typeof c[k] === "number" ? (c[k] as number) : null);
    const sid = typeof c.session_id === "string" ? "0x" + BigInt(c.session_id).toString(16) : null;
    return {
      client: String(c.remote_socket_address ?? ""),
      sessionId: sid,
      timeoutMs: num("session_timeout"),
      queued: num("outstanding_requests"),
      received: num("packets_received"),
      sent: num("packets_sent"),
      lastOperation: typeof c.last_operation === "string" && c.last_operation !== "NA" ? c.last_operation : null,
      established: num("established") !== null ? new Date(num("established")!).toISOString() : null,
      lastLatencyMs: num("last_latency"),
      avgLatencyMs: num("avg_latency"),
      maxLatencyMs: num("max_latency"),
    };
  });
}
