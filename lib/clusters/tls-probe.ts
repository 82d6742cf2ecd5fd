// Is a ZooKeeper address a TLS-only port (secureClientPort)? The console's client library cannot
// speak TLS; without this check the session would retry until its timeout and say "unreachable".
// A plain ConnectRequest goes first: a ZooKeeper answer means plain, TLS record bytes mean TLS.
// A port that just closes the connection is asked again with a real TLS ClientHello: a TLS server
// answers with a handshake or an alert (e.g. "certificate required"), a plain one closes again.
import net from "node:net";
import tls from "node:tls";
import { bareHost } from "@/lib/core/zk/connection-string";

type Verdict = "plain" | "tls" | "closed" | "unknown";

/** ZooKeeper's ConnectRequest: protocol 0, lastZxid 0, timeout, session 0, 16-byte empty password, readOnly false. */
function connectRequest(timeoutMs: number): Buffer {
  const body = Buffer.alloc(4 + 8 + 4 + 8 + 4 + 16 + 1);
  body.writeInt32BE(timeoutMs, 12);
  body.writeInt32BE(16, 24);
  const frame = Buffer.alloc(4);
  frame.writeInt32BE(body.length);
  return Buffer.concat([frame, body]);
}

const isTlsRecord = (b: Buffer) => b.length >= 2 && (b[0] === 0x15 || b[0] === 0x16) && b[1] === 0x03;

function plainProbe(host: string, port: number, timeoutMs: number): Promise<Verdict> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    let got = Buffer.alloc(0);
    const done = (v: Verdict) => { socket.destroy(); resolve(v); };
    socket.setTimeout(timeoutMs, () => done(got.length ? "plain" : "unknown"));
    socket.on("connect", () => socket.write(connectRequest(10_000)));
    socket.on("data", (chunk: Buffer) => {
      got = Buffer.concat([got, chunk]);
      if (isTlsRecord(got)) done("tls");
      else if (got.length >= 4) done("plain"); // a framed ConnectResponse
    });
    socket.on("error", () => done(got.length ? "plain" : "unknown"));
    socket.on("close", () => done(got.length === 0 ? "closed" : isTlsRecord(got) ? "tls" : "plain"));
  });
}

function tlsProbe(host: string, port: number, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    // Only to recognise a TLS server; nothing is sent over it, so the certificate is not checked.
    const socket = tls.connect({ host, port, rejectUnauthorized: false, servername: net.isIP(host) ? undefined : host });
    const done = (v: boolean) => { socket.destroy(); resolve(v); };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.on("secureConnect", () => done(true));
    // An alert from the server (bad/required certificate, protocol version) is a TLS answer too.
    socket.on("error", (e: NodeJS.ErrnoException) => done(/ALERT|SSL|TLS/i.test(e.code ?? "") && e.code !== "ECONNRESET"));
  });
}

async function isTlsOnly(host: string, port: number, timeoutMs: number): Promise<boolean> {
  const first = await plainProbe(host, port, timeoutMs);
  if (first === "tls") return true;
  if (first !== "closed") return false;
  return tlsProbe(host, port, timeoutMs);
}

/** The first member (of up to five) that answers only TLS, or null. Unreachable members are not judged here. */
export async function findTlsOnlyMember(hosts: { host: string; port: number }[], timeoutMs = 2000): Promise<{ host: string; port: number } | null> {
  const sample = hosts.slice(0, 5);
  const verdicts = await Promise.all(sample.map((h) => isTlsOnly(bareHost(h.host), h.port, timeoutMs).catch(() => false)));
  const i = verdicts.indexOf(true);
  return i >= 0 ? sample[i] : null;
}
