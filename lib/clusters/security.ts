// A cluster's TLS and SASL settings on their way into the registry: checked (PEMs parse, the key
// opens with its password and belongs to the certificate, certificates are within their dates),
// described (subject, issuer, dates: what operators are shown) and sealed under CONSOLE_SECRET_KEY
// with the credentials' module, bound to the cluster and to "tls" or "sasl".
import "server-only";
import { X509Certificate, createPrivateKey, type KeyObject } from "node:crypto";
import { errors } from "@/lib/core/errors";
import { credentialAad, sealCredential } from "@/lib/access/credentials-crypto";
import { credentialKey, KEY_HINT } from "@/lib/access/credentials-key";
import type { SaslOptions, TlsOptions } from "@/lib/core/zk/session-files";
import type { CertFacts, ClusterSecurityView, SaslInput, TlsInput } from "./security-schema";

export type TlsFacts = { ca: CertFacts; client: CertFacts | null };

const iso = (d: string) => new Date(d).toISOString();
const oneLine = (dn: string) => dn.split("\n").join(", ");

export function certFacts(cert: X509Certificate): CertFacts {
  return { subject: oneLine(cert.subject), issuer: oneLine(cert.issuer), validFrom: iso(cert.validFrom), validTo: iso(cert.validTo), fingerprint256: cert.fingerprint256 };
}

function parseCert(what: string, pem: string): X509Certificate {
  try {
    return new X509Certificate(pem);
  } catch {
    throw errors.tlsUnusable(`${what} is not a valid PEM certificate`);
  }
}

function openKey(pem: string, password: string | undefined): KeyObject {
  try {
    return createPrivateKey({ key: pem, passphrase: password ?? "" });
  } catch (e) {
    const msg = String((e as Error).message);
    if (/bad decrypt|passphrase|decrypt/i.test(msg)) {
      throw errors.tlsUnusable(password ? "tls.keyPassword does not decrypt the client key (wrong password)" : "the client key is encrypted: give its password as tls.keyPassword");
    }
    throw errors.tlsUnusable("tls.keyPem is not a valid PEM private key");
  }
}

function datesProblem(what: string, facts: CertFacts, now: Date): string | null {
  if (new Date(facts.validTo) < now) return `${what} (${facts.subject}) expired on ${facts.validTo}`;
  if (new Date(facts.validFrom) > now) return `${what} (${facts.subject}) is not valid before ${facts.validFrom}`;
  return null;
}

/**
 * The session's TLS options (the key decrypted, so no password is kept), the facts shown, and the
 * first problem an operator may override ("force"). Throws TLS_INVALID for what cannot work at all.
 */
export function prepareTls(input: TlsInput, now = new Date()): { options: TlsOptions; facts: TlsFacts; problem: string | null } {
  if (!input.certPem !== !input.keyPem) throw errors.tlsUnusable("a client certificate (tls.certPem) needs its private key (tls.keyPem), and a key its certificate");
  const ca = certFacts(parseCert("tls.caPem", input.caPem));
  let client: CertFacts | null = null;
  let keyPem: string | undefined;
  let problem = datesProblem("the CA certificate", ca, now);
  if (input.certPem && input.keyPem) {
    const cert = parseCert("tls.certPem", input.certPem);
    const key = openKey(input.keyPem, input.keyPassword);
    client = certFacts(cert);
    keyPem = input.keyPassword ? (key.export({ format: "pem", type: "pkcs8" }) as string) : input.keyPem;
    problem ??= cert.checkPrivateKey(key) ? datesProblem("the client certificate", client, now) : `the client key does not belong to the client certificate (${client.subject})`;
  }
  const options: TlsOptions = { caPem: input.caPem, verifyHostname: input.verifyHostname, ...(input.certPem ? { certPem: input.certPem, keyPem } : {}) };
  return { options, facts: { ca, client }, problem };
}

export function saslOptions(input: SaslInput): SaslOptions {
  return input.mechanism === "DIGEST-MD5"
    ? { mechanism: "DIGEST-MD5", username: input.username, password: input.password }
    : { mechanism: "GSSAPI", principal: input.principal, keytabBase64: input.keytabBase64, ...(input.serviceName ? { serviceName: input.serviceName } : {}) };
}

function sealingKey(): Buffer {
  const { key, problem } = credentialKey();
  if (!key) throw errors.secretKeyMissing(problem, KEY_HINT);
  return key;
}

export type SecurityColumns = {
  tlsSecret: string | null; verifyHostname: boolean; tlsFacts: string | null;
  saslMechanism: string | null; saslIdentity: string | null; saslService: string | null; saslSecret: string | null;
};

export const tlsColumns = (clusterId: string, tls: { options: TlsOptions; facts: TlsFacts } | null): Pick<SecurityColumns, "tlsSecret" | "verifyHostname" | "tlsFacts"> =>
  tls
    ? { tlsSecret: sealCredential(JSON.stringify({ caPem: tls.options.caPem, certPem: tls.options.certPem, keyPem: tls.options.keyPem }), sealingKey(), credentialAad(clusterId, "tls")), verifyHostname: tls.options.verifyHostname ?? true, tlsFacts: JSON.stringify(tls.facts) }
    : { tlsSecret: null, verifyHostname: true, tlsFacts: null };

export function saslColumns(clusterId: string, sasl: SaslOptions | null): Pick<SecurityColumns, "saslMechanism" | "saslIdentity" | "saslService" | "saslSecret"> {
  if (!sasl) return { saslMechanism: null, saslIdentity: null, saslService: null, saslSecret: null };
  const secret = sasl.mechanism === "DIGEST-MD5" ? { password: sasl.password } : { keytabBase64: sasl.keytabBase64 };
  return {
    saslMechanism: sasl.mechanism,
    saslIdentity: sasl.mechanism === "DIGEST-MD5" ? sasl.username : sasl.principal,
    saslService: sasl.mechanism === "GSSAPI" ? (sasl.serviceName ?? null) : null,
    saslSecret: sealCredential(JSON.stringify(secret), sealingKey(), credentialAad(clusterId, "sasl")),
  };
}

/** What is shown of a stored row: facts only. */
export function securityView(row: Partial<SecurityColumns> | null | undefined): ClusterSecurityView {
  const tls = row?.tlsFacts ? (JSON.parse(row.tlsFacts) as TlsFacts) : null;
  const sasl: ClusterSecurityView["sasl"] =
    row?.saslMechanism === "DIGEST-MD5" ? { set: true, mechanism: "DIGEST-MD5", username: row.saslIdentity ?? "" }
    : row?.saslMechanism === "GSSAPI" ? { set: true, mechanism: "GSSAPI", principal: row.saslIdentity ?? "", serviceName: row.saslService ?? null }
    : null;
  return { tls: tls ? { set: true, verifyHostname: row?.verifyHostname ?? true, ca: tls.ca, client: tls.client } : null, sasl };
}
