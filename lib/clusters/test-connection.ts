import "server-only";
import { randomUUID } from "node:crypto";
import { requireGlobalAdmin } from "@/lib/access/permissions";
import { auditActor } from "@/lib/access/audit/record";
import { recordEvent } from "@/lib/access/audit/record";
import type { RequestCtx } from "@/lib/core/context";
import { closeSession, getClient } from "@/lib/core/zk/sessions";
import { connectionTestInput } from "./schema";
import { screenHosts } from "./host-allowlist";
import { refuseTls } from "./tls-check";
import { refuseWhenNobodyListens } from "./refused-check";

/** Open a throwaway session, list /, close it. */
export async function testConnection(input: unknown): Promise<{ ok: true; latencyMs: number; rootChildren: number }> {
  const { connectionString, sessionTimeoutMs } = connectionTestInput.parse(input);
  await refuseWhenNobodyListens(connectionString);
  const id = `test-${randomUUID()}`;
  const started = Date.now();
  try {
    const client = await getClient({ id, connectionString, sessionTimeoutMs });
    const { children } = await client.children("/");
    return { ok: true, latencyMs: Date.now() - started, rootChildren: children.length };
  } finally {
    closeSession(id);
  }
}

/** The registry's connection test: admins only (it reaches out to any host:port), audited. */
export async function testClusterConnection({ ctx, input }: { ctx: RequestCtx; input: unknown }) {
  requireGlobalAdmin(ctx.actor, "test cluster connections");
  input = await refuseTls(await screenHosts(input));
  const { connectionString } = connectionTestInput.parse(input);
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
