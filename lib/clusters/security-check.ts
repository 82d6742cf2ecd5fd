// Before a cluster's TLS/SASL settings are saved: local checks of the PEMs, the TLS-port probe
// (a secureClientPort without TLS settings), and a trial session with the new settings, so a
// wrong password, an untrusted CA or an unreachable KDC is named now instead of by every later
// request. Each refusal can be overridden with `force` (the server may be down, or the clock wrong).
import "server-only";
import { errors } from "@/lib/core/errors";
import { parseConnectionString } from "@/lib/core/zk/connection-string";
import type { SaslOptions, TlsOptions } from "@/lib/core/zk/session-files";
import type { AuthIdentity } from "@/lib/core/zk/sessions";
import { securityFields } from "./security-schema";
import { prepareTls, saslOptions, type TlsFacts } from "./security";
import { findTlsOnlyMember } from "./tls-probe";
import { trySession } from "./trial-session";

const REFUSALS = new Set(["TLS_FAILED", "AUTH_FAILED", "SASL_REQUIRED"]);
const TRIAL_MAX_MS = 10_000;

/** A cluster body split into its registry fields and its security fields (parsed). */
export function splitSecurity(input: unknown) {
  if (!input || typeof input !== "object" || Array.isArray(input)) return { rest: input, security: securityFields.parse({}) };
  const { tls, sasl, force, ...rest } = input as Record<string, unknown>;
  return { rest, security: securityFields.parse({ tls, sasl, force }) };
}

type Parsed = ReturnType<typeof splitSecurity>["security"];
/** `undefined`: unchanged; `null`: removed; else the new settings. */
export type SecurityChange = { tls?: { options: TlsOptions; facts: TlsFacts } | null; sasl?: SaslOptions | null; forced: boolean };
type Current = { tls?: TlsOptions; sasl?: SaslOptions; auth?: AuthIdentity[] };

/** A TLS-only member when the cluster would have no TLS settings (else null). */
export async function tlsOnlyMember(connectionString: string): Promise<string | null> {
  const conn = parseConnectionString(connectionString);
  if ("error" in conn) return null;
  const member = await findTlsOnlyMember(conn.hosts);
  return member ? `${member.host}:${member.port}` : null;
}

/**
 * Checks the security fields of a registration or change against the cluster's address (and what
 * is stored now); throws what is wrong unless `force`. `addressChanged`: the probe runs again.
 */
export async function checkSecurity(security: Parsed, cluster: { connectionString: string; sessionTimeoutMs: number; addressChanged: boolean }, current: Current = {}): Promise<SecurityChange> {
  const force = security.force === true;
  const change: SecurityChange = { forced: false };
  if (security.tls === null) change.tls = null;
  else if (security.tls) {
    const prepared = prepareTls(security.tls);
    if (prepared.problem && !force) throw errors.tlsInvalid(prepared.problem);
    change.forced ||= !!prepared.problem;
    change.tls = { options: prepared.options, facts: prepared.facts };
  }
  if (security.sasl !== undefined) change.sasl = security.sasl && saslOptions(security.sasl);

  const tls = change.tls === undefined ? current.tls : change.tls?.options;
  const sasl = change.sasl === undefined ? current.sasl : change.sasl ?? undefined;
  if (!tls && (cluster.addressChanged || change.tls === null)) {
    const member = await tlsOnlyMember(cluster.connectionString);
    if (member && !force) throw errors.tlsRequired(member);
    change.forced ||= !!member;
  }
  // Saved without the trial below: the audit says so.
  if (force && (change.tls || change.sasl)) change.forced = true;
  if ((change.tls || change.sasl) && !force) {
    const timeoutMs = Math.min(cluster.sessionTimeoutMs, TRIAL_MAX_MS);
    await trySession({ connectionString: cluster.connectionString, sessionTimeoutMs: timeoutMs, auth: current.auth, tls, sasl }).catch((e: { code?: string; message: string }) => {
      // Only a refusal judges the settings; an unreachable or failing cluster says nothing about them.
      if (e.code && REFUSALS.has(e.code)) throw errors.securityRefused(e.code === "TLS_FAILED" ? "tls" : "sasl", { code: e.code, message: e.message });
    });
  }
  return change;
}
