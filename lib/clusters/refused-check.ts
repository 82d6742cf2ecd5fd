// Before a connection test opens a session (whose client retries until the session timeout):
// when every member refuses the TCP connection, say so at once.
import "server-only";
import net from "node:net";
import { errors } from "@/lib/core/errors";
import { parseConnectionString } from "@/lib/core/zk/connection-string";

const PROBE_MS = 1500;

/** "refused" only for an explicit refusal (ECONNREFUSED); silence or other errors are left to the session. */
function probe(host: string, port: number): Promise<"refused" | "other"> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (v: "refused" | "other") => { socket.destroy(); resolve(v); };
    socket.setTimeout(PROBE_MS, () => done("other"));
    socket.on("connect", () => done("other"));
    socket.on("error", (e: NodeJS.ErrnoException) => done(e.code === "ECONNREFUSED" ? "refused" : "other"));
  });
}

/** Throws CONNECTION_REFUSED when no member of the connection string accepts a connection. */
export async function refuseWhenNobodyListens(connectionString: string): Promise<void> {
  const parsed = parseConnectionString(connectionString);
  if ("error" in parsed) return; // the schema reports it
  const answers = await Promise.all(parsed.hosts.map((h) => probe(h.host, h.port)));
  if (answers.every((a) => a === "refused")) throw errors.connectionRefused(parsed.hosts.map((h) => `${h.host}:${h.port}`));
}
