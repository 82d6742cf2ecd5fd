// Where a request comes from, for the login rate limit and the audit trail. X-Forwarded-For is
// written by whoever sends the request, so it only counts behind proxies the operator declares:
//   TRUST_PROXY unset / false / 0  → the TCP peer's address (X-Forwarded-For from clients is replaced)
//   TRUST_PROXY true / N           → the N-th address from the right of X-Forwarded-For, i.e. the
//                                    client as seen by the outermost of N trusted proxies
// `next start` keeps a client's X-Forwarded-For (it only fills it in when absent) and offers no
// other way to the socket address, so installPeerAddressStamp (run once at start-up) rewrites it
// on the server's "request" event, before Next.js sees the request.
import http from "node:http";
import https from "node:https";

export function trustedProxyHops(value = process.env.TRUST_PROXY): number {
  const v = (value ?? "").trim().toLowerCase();
  if (v === "" || v === "false" || v === "0" || v === "no" || v === "off") return 0;
  if (v === "true" || v === "yes" || v === "on") return 1;
  const n = Number(v);
  if (Number.isInteger(n) && n > 0 && n < 100) return n;
  throw new Error(`TRUST_PROXY must be true, false or the number of trusted proxy hops (got ${JSON.stringify(value)})`);
}

const unmapped = (ip: string) => (ip.startsWith("::ffff:") && ip.includes(".") ? ip.slice(7) : ip);

/** The client's address under the TRUST_PROXY rule, or null when unknown. */
export function clientIp(req: { headers: Headers }): string | null {
  const chain = (req.headers.get("x-forwarded-for") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  if (chain.length === 0) return null;
  const hops = Math.max(trustedProxyHops(), 1); // untrusted: the one entry the stamp wrote
  return unmapped(chain[chain.length - hops] ?? chain[0]);
}

type Stampable = { prototype: { emit: (event: string | symbol, ...args: unknown[]) => boolean } };
const STAMPED = Symbol.for("zk-console.peer-address-stamp");

/** Make X-Forwarded-For trustworthy for clientIp: the socket address unless proxies are trusted. */
export function installPeerAddressStamp(): void {
  const g = globalThis as { [STAMPED]?: boolean };
  if (g[STAMPED]) return;
  g[STAMPED] = true;
  for (const Server of [http.Server, https.Server] as unknown as Stampable[]) {
    const emit = Server.prototype.emit;
    Server.prototype.emit = function (this: unknown, event: string | symbol, ...args: unknown[]) {
      if (event === "request") stampPeer(args[0] as http.IncomingMessage);
      return emit.call(this, event, ...args);
    };
  }
}

export function stampPeer(req: http.IncomingMessage): void {
  if (trustedProxyHops() > 0) return;
  delete req.headers["x-real-ip"];
  const peer = req.socket?.remoteAddress;
  if (peer) req.headers["x-forwarded-for"] = unmapped(peer);
  else delete req.headers["x-forwarded-for"];
}
