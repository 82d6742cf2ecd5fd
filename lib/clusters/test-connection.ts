import "server-only";
import { requireGlobalAdmin } from "@/lib/access/permissions";
import { auditActor } from "@/lib/access/audit/record";
import { recordEvent } from "@/lib/access/audit/record";
import type { RequestCtx } from "@/lib/core/context";
import { errors } from "@/lib/core/errors";
import { connectionTestInput } from "./schema";
import { screenHosts } from "./host-allowlist";
import { splitSecurity, tlsOnlyMember } from "./security-check";
import { prepareTls, saslOptions } from "./security";
import { trySession } from "./trial-session";

/** Open a throwaway session with the given address and TLS/SASL settings, list /, close it. */
export async function testConnection(input: unknown): Promise<{ ok: true; latencyMs: number; rootChildren: number }> {
  const { rest, security } = splitSecurity(input);
  const { connectionString, sessionTimeoutMs } = connectionTestInput.parse(rest);
  const tls = security.tls ? prepareTls(security.tls) : null;
  if (tls?.problem) throw errors.tlsInvalid(tls.problem);
  if (!tls) {
    // Without TLS settings a secureClientPort would only time out: say what it is at once.
    const member = await tlsOnlyMember(connectionString);
    if (member) throw errors.tlsRequired(member);
  }
  return trySession({ connectionString, sessionTimeoutMs, ...(tls ? { tls: tls.options } : {}), ...(security.sasl ? { sasl: saslOptions(security.sasl) } : {}) });
}

/** The registry's connection test: admins only (it reaches out to any host:port), audited. */
export async function testClusterConnection({ ctx, input }: { ctx: RequestCtx; input: unknown }) {
  requireGlobalAdmin(ctx.actor, "test cluster connections");
  input = await screenHosts(input);
  const { connectionString } = connectionTestInput.parse(splitSecurity(input).rest);
  const event = { ...auditActor(ctx), operation: "cluster_test", details: { connectionString } };
  try {
    const result = await testConnection(input);
    await recordEvent({ ...event, outcome: "ok", details: { connectionString, latencyMs: result.latencyMs } });
    return result;
  } catch (e) {
    await recordEvent({ ...event, outcome: "failed", error: (e as Error).message });
    throw e;
  }
}
