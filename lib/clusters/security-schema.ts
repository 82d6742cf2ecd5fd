// How a cluster's session is secured, as an admin sends it (`tls`, `sasl` of POST/PATCH
// /api/v1/clusters and of the connection test) and as everyone is shown it (only facts, never
// a secret). Browser-safe: no server imports.
import { z } from "zod";

const PEM_MAX = 64 * 1024;
const pem = (what: string) =>
  z.string({ required_error: `${what} is required (PEM text)`, invalid_type_error: `${what} must be PEM text` })
    .max(PEM_MAX, `${what} is longer than ${PEM_MAX} characters`)
    .refine((s) => /-----BEGIN [A-Z0-9 ]+-----/.test(s), `${what} is not PEM text (it must contain a "-----BEGIN …-----" line)`);

export const tlsInput = z.object({
  caPem: pem("tls.caPem (the CA certificate that signed the servers' certificates)"),
  certPem: pem("tls.certPem (the console's client certificate)").optional(),
  keyPem: pem("tls.keyPem (the client certificate's private key)").optional(),
  /** For an encrypted private key; used once to decrypt it, never stored. */
  keyPassword: z.string().max(1024, "tls.keyPassword is longer than 1024 characters").optional(),
  verifyHostname: z.boolean().default(true),
}).strict();

const identity = (what: string) => z.string({ required_error: `${what} is required` }).trim().min(1, `${what} is required`).max(256, `${what} is longer than 256 characters`)
  .regex(/^[^\u0000-\u001f\s]+$/, `${what} may not contain spaces or control characters`);

export const saslInput = z.discriminatedUnion("mechanism", [
  z.object({
    mechanism: z.literal("DIGEST-MD5"),
    username: identity("sasl.username"),
    password: z.string({ required_error: "sasl.password is required" }).min(1, "sasl.password is required").max(1024, "sasl.password is longer than 1024 characters"),
  }).strict(),
  z.object({
    mechanism: z.literal("GSSAPI"),
    principal: identity("sasl.principal (e.g. zk-console@EXAMPLE.COM)"),
    keytabBase64: z.string({ required_error: "sasl.keytabBase64 is required (the principal's keytab, base64)" }).max(64 * 1024, "sasl.keytabBase64 is longer than 65536 characters")
      .regex(/^[A-Za-z0-9+/]+={0,2}$/, "sasl.keytabBase64 is not base64"),
    serviceName: identity("sasl.serviceName").optional(),
  }).strict(),
], { errorMap: (issue, ctx) => (issue.code === "invalid_union_discriminator" ? { message: 'sasl.mechanism must be "DIGEST-MD5" or "GSSAPI"' } : { message: ctx.defaultError }) });

/** The security fields of a cluster body: `null` removes, absent keeps; `force` saves despite failed checks. */
export const securityFields = z.object({
  tls: tlsInput.nullable().optional(),
  sasl: saslInput.nullable().optional(),
  force: z.boolean().optional(),
});

export type TlsInput = z.infer<typeof tlsInput>;
export type SaslInput = z.infer<typeof saslInput>;

/** What is shown of a certificate. */
export type CertFacts = { subject: string; issuer: string; validFrom: string; validTo: string; fingerprint256: string };

/** What everyone who sees the cluster is shown of its security: facts, never a secret. */
export type ClusterSecurityView = {
  tls: { set: true; verifyHostname: boolean; ca: CertFacts; client: CertFacts | null } | null;
  sasl: { set: true; mechanism: "DIGEST-MD5"; username: string } | { set: true; mechanism: "GSSAPI"; principal: string; serviceName: string | null } | null;
};

export const NO_SECURITY: ClusterSecurityView = { tls: null, sasl: null };
