// What an admin sends to add a cluster credential: an add_auth scheme and its credential.
import { z } from "zod";

const NOT_ADD_AUTH: Record<string, string> = {
  world: "world is not an add_auth scheme: every session is world:anyone already",
  auth: "auth is an ACL shorthand, not an add_auth scheme; add a digest credential instead",
  ip: "ip is not an add_auth scheme: ZooKeeper takes the ip identity from the connection's address",
  x509: "x509 identities come from a TLS client certificate, and this console cannot connect over TLS yet",
  sasl: "sasl (Kerberos) needs a SASL login, which this console's ZooKeeper client does not support",
};

export const credentialInput = z.object({
  scheme: z.string().trim().toLowerCase().regex(/^[a-z][a-z0-9._-]{0,31}$/, "scheme must be an add_auth scheme name such as digest").default("digest"),
  credential: z.string({ required_error: "credential is required (for digest: user:password)" }).min(1, "credential is required (for digest: user:password)").max(4096, "credential is longer than 4096 characters"),
  label: z.string().trim().max(64, "label is longer than 64 characters").regex(/^[^\u0000-\u001f]*$/, "label may not contain control characters").optional(),
}).strict().superRefine((c, ctx) => {
  const refused = NOT_ADD_AUTH[c.scheme];
  if (refused) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["scheme"], message: refused });
  if (c.scheme === "digest" && !/^[^:\s]+:.+$/s.test(c.credential)) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["credential"], message: "a digest credential is user:password (a user without spaces or colons, then a colon, then the password)" });
  }
});

export type CredentialInput = z.infer<typeof credentialInput>;

/** What operators see instead of the secret: "digest alice", or "<scheme> <label>". */
export function credentialLabel(c: CredentialInput): string {
  if (c.scheme === "digest") return `digest ${c.credential.slice(0, c.credential.indexOf(":"))}`;
  return c.label ? `${c.scheme} ${c.label}` : c.scheme;
}
