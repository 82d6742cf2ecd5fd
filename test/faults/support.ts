// Small helpers for the fault tests: waiting, finding the leader and the member that holds the
// console's session, and reading a node as ZooKeeper itself has it (sync first).
import { modeOf, type LocalEnsemble } from "../../lib/ensemble/launcher";
import type { MemberSpec } from "../../lib/ensemble/config";
import { requestsReceived, hexSession } from "../watch/viewer-model";
import { getClient, sessionStatus } from "../../lib/core/zk/sessions";
import { eventually as retryUntil, sleep } from "../support/eventually";

export { sleep };

/** Retry `fn` until it succeeds or `timeoutMs` passes (fault recovery is slow: 30 s by default). */
export const eventually = <T>(fn: () => Promise<T> | T, timeoutMs = 30_000, everyMs = 200) => retryUntil(fn, timeoutMs, everyMs);

export async function leaderOf(zk: LocalEnsemble): Promise<MemberSpec> {
  return eventually(async () => {
    for (const m of zk.members) if (m.process && (await modeOf(m)) === "leader") return m;
    throw new Error("no member is leading");
  });
}

/** The member the cluster's console session is connected to (`cons` lists it there). */
export async function memberOfSession(zk: LocalEnsemble, clusterId: string): Promise<MemberSpec> {
  return eventually(async () => {
    const sid = hexSession(sessionStatus(clusterId).sessionId);
    for (const m of zk.members) if (m.process && (await requestsReceived(m, sid).catch(() => null)) !== null) return m;
    throw new Error(`session ${sid} of ${clusterId} is on no member`);
  });
}

/** An independent client of the test itself (not the console's session), retried through elections. */
export function rawClient(zk: LocalEnsemble, id: string, members: MemberSpec[] = zk.members) {
  const connectionString = members.map((m) => `${m.host}:${m.clientPort}`).join(",");
  const client = () => getClient({ id, connectionString, sessionTimeoutMs: 20_000 });
  return {
    client,
    /** Data and Stat as the leader has them: sync, then read. */
    async read(path: string) {
      return eventually(async () => {
        const c = await client();
        await c.sync(path);
        return c.get(path);
      });
    },
  };
}

/** How long `p` took to settle, and how. */
export async function timed<T>(p: Promise<T>): Promise<{ ok: true; value: T; ms: number } | { ok: false; error: { code?: string; status?: number; message: string }; ms: number }> {
  const t0 = Date.now();
  try {
    return { ok: true, value: await p, ms: Date.now() - t0 };
  } catch (error) {
    return { ok: false, error: error as { code?: string; status?: number; message: string }, ms: Date.now() - t0 };
  }
}
