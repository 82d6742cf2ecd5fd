import "server-only";
import { z } from "zod";
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
import { diagnoseTarget } from "./diagnose";
import type { Diagnosis } from "./diagnostics-schema";

export type ConnectionTestAnswer = { ok: true; latencyMs: number; rootChildren: number };

/** Open a throwaway session with the given address and TLS/SASL settings, list /, close it. */
export async function testConnection(input: unknown): Promise<ConnectionTestAnswer> {
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

/**
 * The same settings diagnosed step by step (DNS, TCP, TLS, server, session, SASL, chroot): a failed
 * step is an answer, not an error; only settings that cannot be used at all (a PEM that does not
 * parse, a key its password does not open) are refused as input.
 */
export async function diagnoseConnection(input: unknown): Promise<Diagnosis> {
  const { rest, security } = splitSecurity(input);
  const { connectionString, sessionTimeoutMs } = connectionTestInput.parse(rest);
  const tls = security.tls ? prepareTls(security.tls) : null;
  return diagnoseTarget({ connectionString, sessionTimeoutMs, ...(tls ? { tls: tls.options } : {}), ...(security.sasl ? { sasl: saslOptions(security.sasl) } : {}) });
}

const diagnoseFlag = z.boolean({ invalid_type_error: "diagnose must be true or false" }).optional();

/** `diagnose: true` asks for the step-by-step answer instead of one session's result or error. */
function splitDiagnose(input: unknown): { diagnose: boolean; rest: unknown } {
  if (!input || typeof input !== "object" || Array.isArray(input)) return { diagnose: false, rest: input };
  const { diagnose, ...rest } = input as Record<string, unknown>;
  return { diagnose: diagnoseFlag.parse(diagnose) === true, rest };
}

/** The registry's connection test: admins only (it reaches out to any host:port), audited. */
export async function testClusterConnection({ ctx, input }: { ctx: RequestCtx; input: unknown }): Promise<ConnectionTestAnswer | Diagnosis> {
  requireGlobalAdmin(ctx.actor, "test cluster connections");
  input = await screenHosts(input);
  const { diagnose, rest } = splitDiagnose(input);
  const { connectionString } = connectionTestInput.parse(splitSecurity(rest).rest);
  const event = { ...auditActor(ctx), operation: "cluster_test", details: { connectionString } };
  if (diagnose) {
    const result = await diagnoseConnection(rest).catch(async (e: Error) => {
      await recordEvent({ ...event, outcome: "failed", error: e.message });
      throw e;
    });
    const failed = result.steps.filter((s) => s.status === "failed").map((s) => `${s.step}${s.target ? ` ${s.target}` : ""}`);
    await recordEvent({ ...event, outcome: result.ok ? "ok" : "failed", details: { connectionString, diagnose: true, failed } });
    return result;
  }
  try {
    const result = await testConnection(rest);
    await recordEvent({ ...event, outcome: "ok", details: { connectionString, latencyMs: result.latencyMs } });
    return result;
  } catch (e) {
    await recordEvent({ ...event, outcome: "failed", error: (e as Error).message });
    throw e;
  }
}
