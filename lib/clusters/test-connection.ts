import "server-only";
import { randomUUID } from "node:crypto";
import { closeSession, getClient } from "../zk/sessions";
import { connectionTestInput } from "./schema";

/** Open a throwaway session, list /, close it. */
export async function testConnection(input: unknown): Promise<{ ok: true; latencyMs: number; rootChildren: number }> {
  const { connectionString, sessionTimeoutMs } = connectionTestInput.parse(input);
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
