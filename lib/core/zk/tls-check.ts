// What can be known about a cluster's TLS settings without connecting: PEMs that do not parse,
// a key that does not belong to the certificate, a client certificate outside its validity.
// The C client would only log these and retry forever.
import { X509Certificate, createPrivateKey } from "node:crypto";
import type { TlsOptions } from "./session-files";

const parse = <T>(what: string, f: () => T): T => {
  try {
    return f();
  } catch {
    throw new Error(`the ${what} is not a valid PEM`);
  }
};

/** The first problem of these TLS settings, in words, or null. */
export function tlsProblem(tls: TlsOptions, now = new Date()): string | null {
  try {
    parse("CA certificate", () => new X509Certificate(tls.caPem));
    if (!tls.certPem !== !tls.keyPem) return "a client certificate needs its private key, and a key its certificate";
    if (!tls.certPem || !tls.keyPem) return null;
    const cert = parse("client certificate", () => new X509Certificate(tls.certPem!));
    const key = parse("client key", () => createPrivateKey(tls.keyPem!));
    if (!cert.checkPrivateKey(key)) return "the client key does not belong to the client certificate";
    if (new Date(cert.validTo) < now) return `the client certificate (${cert.subject.replace(/\n/g, ", ")}) expired on ${new Date(cert.validTo).toISOString()}`;
    if (new Date(cert.validFrom) > now) return `the client certificate (${cert.subject.replace(/\n/g, ", ")}) is not valid before ${new Date(cert.validFrom).toISOString()}`;
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}
