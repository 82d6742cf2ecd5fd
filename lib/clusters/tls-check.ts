// Registration and connection tests refuse TLS clusters up front with a clear message: the
// `tls` flag of the form, or a probe that finds a TLS-only port. The flag is never stored.
import { errors } from "@/lib/core/errors";
import { parseConnectionString } from "@/lib/core/zk/connection-string";
import { findTlsOnlyMember } from "./tls-probe";

export const tlsUnsupported = errors.tlsUnsupported;

/** Throws TLS_UNSUPPORTED for a TLS cluster; returns the input without the `tls`/`secure` flag. */
export async function refuseTls(input: unknown): Promise<unknown> {
  if (!input || typeof input !== "object" || Array.isArray(input)) return input;
  const { tls, secure, ...rest } = input as Record<string, unknown>;
  if (tls === true || secure === true) throw tlsUnsupported("the cluster is marked as TLS");
  const conn = typeof rest.connectionString === "string" ? parseConnectionString(rest.connectionString) : null;
  if (conn && !("error" in conn)) {
    const member = await findTlsOnlyMember(conn.hosts);
    if (member) throw tlsUnsupported(`${member.host}:${member.port} answers only TLS (a secureClientPort)`);
  }
  return rest;
}
