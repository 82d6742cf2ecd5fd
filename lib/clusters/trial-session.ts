// A throwaway ZooKeeper session (connection tests, the check before TLS/SASL settings are saved):
// opened through the one session pool with the given target, `/` listed, closed.
import "server-only";
import { randomUUID } from "node:crypto";
import { closeSession, getClient, type SessionTarget } from "@/lib/core/zk/sessions";
import { refuseWhenNobodyListens } from "./refused-check";

export async function trySession(target: Omit<SessionTarget, "id">): Promise<{ ok: true; latencyMs: number; rootChildren: number }> {
  await refuseWhenNobodyListens(target.connectionString);
  const id = `test-${randomUUID()}`;
  const started = Date.now();
  try {
    const client = await getClient({ id, ...target });
    const { children } = await client.children("/");
    return { ok: true, latencyMs: Date.now() - started, rootChildren: children.length };
  } finally {
    closeSession(id);
  }
}
