// Per-member checks of a connection diagnosis: name resolution, TCP, the TLS handshake as Node's
// own tls module sees it (trust, dates, host name, with the server certificate's facts), and the
// server's version and mode from the `srvr` four-letter word.
import "server-only";
import dns from "node:dns/promises";
import net from "node:net";
import tls from "node:tls";
import { X509Certificate } from "node:crypto";
import { fourLetterWord } from "@/lib/core/zk/four-letter";
import { bareHost } from "@/lib/core/zk/connection-string";
import type { TlsOptions } from "@/lib/core/zk/session-files";
import type { DiagnosticStep } from "./diagnostics-schema";
import { certFacts } from "./security";

const PROBE_MS = 2500;
type Member = { host: string; port: number };
const name = (m: Member) => `${m.host}:${m.port}`;

export async function dnsStep(host: string): Promise<DiagnosticStep> {
  if (net.isIP(bareHost(host))) return { step: "dns", target: host, status: "skipped", detail: "an IP address: nothing to resolve" };
  const started = Date.now();
  try {
    const addresses = (await dns.lookup(host, { all: true })).map((a) => a.address);
    return { step: "dns", target: host, status: "ok", detail: `resolves to ${addresses.join(", ")}`, ms: Date.now() - started, facts: { addresses } };
  } catch (e) {
    return { step: "dns", target: host, status: "failed", detail: `does not resolve (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, next: "check the host name; from a container or pod use a name the console's own network resolves (a Kubernetes service name needs its namespace outside it)" };
  }
}

export function tcpStep(m: Member): Promise<DiagnosticStep> {
  const started = Date.now();
  return new Promise((resolve) => {
    const socket = net.connect({ host: bareHost(m.host), port: m.port });
    const done = (s: DiagnosticStep) => { socket.destroy(); resolve(s); };
    socket.setTimeout(PROBE_MS, () => done({ step: "tcp", target: name(m), status: "failed", detail: `no answer within ${PROBE_MS} ms`, next: "a firewall, a security group or a wrong address drops the connection; check that the port is published to where the console runs" }));
    socket.on("connect", () => done({ step: "tcp", target: name(m), status: "ok", detail: "accepts connections", ms: Date.now() - started }));
    socket.on("error", (e: NodeJS.ErrnoException) => done(e.code === "ECONNREFUSED"
      ? { step: "tcp", target: name(m), status: "failed", detail: "connection refused: nothing listens on that port", next: "check the port: the member's clientPort (plain) or secureClientPort (TLS), and that the member is running" }
      : { step: "tcp", target: name(m), status: "failed", detail: `cannot connect (${e.code ?? e.message})`, next: "check the address and the network path" }));
  });
}

const UNTRUSTED = new Set(["SELF_SIGNED_CERT_IN_CHAIN", "DEPTH_ZERO_SELF_SIGNED_CERT", "UNABLE_TO_VERIFY_LEAF_SIGNATURE", "UNABLE_TO_GET_ISSUER_CERT", "UNABLE_TO_GET_ISSUER_CERT_LOCALLY"]);

function judge(m: Member, authError: string | null, hostError: Error | undefined, facts: ReturnType<typeof certFacts>): DiagnosticStep {
  const base = { step: "tls" as const, target: name(m), facts: { server: facts } };
  const who = `the server certificate (${facts.subject}, issued by ${facts.issuer}, valid ${facts.validFrom} to ${facts.validTo})`;
  if (authError === "CERT_HAS_EXPIRED") return { ...base, status: "failed", detail: `${who} has expired`, next: "renew the member's certificate (ssl.keyStore)" };
  if (authError === "CERT_NOT_YET_VALID") return { ...base, status: "failed", detail: `${who} is not valid yet`, next: "check the clocks of the member and the console, or wait for the certificate's start" };
  if (authError && UNTRUSTED.has(authError)) return { ...base, status: "failed", detail: `${who} is not signed by the CA given in the TLS settings (${authError})`, next: "set as CA certificate the one that signed the members' certificates" };
  if (authError) return { ...base, status: "failed", detail: `${who} was not accepted: ${authError}`, next: "check the CA certificate of the TLS settings" };
  if (hostError) return { ...base, status: "failed", detail: `${who} does not name ${m.host}: ${hostError.message}`, next: "connect through a host name the certificate names (its subject alternative names), or turn host name verification off" };
  return { ...base, status: "ok", detail: `handshake done; ${who} is trusted` };
}

export function tlsStep(m: Member, options: TlsOptions): Promise<DiagnosticStep> {
  const host = bareHost(m.host);
  return new Promise((resolve) => {
    // rejectUnauthorized false: the certificate is judged below, so the answer can show it. The
    // host name too (and only when verifyHostname): Node's own check would report a mismatch as an
    // authorization error (ERR_TLS_CERT_ALTNAME_INVALID), even with verification turned off.
    const socket = tls.connect({ host, port: m.port, ca: options.caPem, cert: options.certPem, key: options.keyPem, rejectUnauthorized: false, checkServerIdentity: () => undefined, servername: net.isIP(host) ? undefined : host });
    const done = (s: DiagnosticStep) => { socket.destroy(); resolve(s); };
    socket.setTimeout(PROBE_MS, () => done({ step: "tls", target: name(m), status: "failed", detail: `no TLS handshake within ${PROBE_MS} ms`, next: "is this a secureClientPort? A plain clientPort does not answer a TLS handshake" }));
    socket.on("secureConnect", () => {
      const peer = socket.getPeerX509Certificate() as X509Certificate | undefined;
      if (!peer) return done({ step: "tls", target: name(m), status: "failed", detail: "the server sent no certificate" });
      const named = net.isIP(host) ? peer.checkIP(host) : peer.checkHost(host, { wildcards: true, partialWildcards: false });
      const hostError = options.verifyHostname === false || named ? undefined : new Error(`it names ${peer.subjectAltName ?? peer.subject}`);
      done(judge(m, socket.authorized ? null : String(socket.authorizationError), hostError, certFacts(peer)));
    });
    socket.on("error", (e: NodeJS.ErrnoException) => done({
      step: "tls", target: name(m), status: "failed", detail: `TLS handshake failed: ${e.message}`,
      next: /alert|certificate/i.test(e.message) ? "the member refused the console's client certificate: give one signed by a CA in the member's ssl.trustStore" : "is this a secureClientPort? check the port and the TLS settings",
    }));
  });
}

/** Version and mode from `srvr` on a plain port (four-letter words are not sent over TLS here). */
export async function serverStep(m: Member): Promise<DiagnosticStep> {
  try {
    const answer = await fourLetterWord(bareHost(m.host), m.port, "srvr", PROBE_MS, 64 * 1024);
    if (/not in the whitelist/i.test(answer)) return { step: "server", target: name(m), status: "skipped", detail: "srvr is not allowed on this member", next: "add srvr (and mntr, ruok) to the member's 4lw.commands.whitelist to see version and mode here and on the health page" };
    const version = /Zookeeper version: ([^\s,]+)/i.exec(answer)?.[1];
    const mode = /Mode: (\S+)/i.exec(answer)?.[1];
    if (!version) return { step: "server", target: name(m), status: "skipped", detail: "no srvr answer", next: "the member may restrict four-letter words (4lw.commands.whitelist)" };
    return { step: "server", target: name(m), status: "ok", detail: `ZooKeeper ${version}, ${mode ?? "mode unknown"}`, facts: { version, mode } };
  } catch (e) {
    return { step: "server", target: name(m), status: "skipped", detail: `srvr failed: ${(e as Error).message}` };
  }
}
