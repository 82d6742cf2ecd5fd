// Work that exactly one console instance may do at a time (the health sampler and its alert
// webhooks), elected through the database: the leader holds a session-level advisory lock on a
// connection of its own. The lock lives as long as that connection: a leader that dies, or whose
// connection is lost, has let go, and a follower trying every `retryMs` takes over. A leader that
// cannot reach the database within `retryMs` stops leading at once (it may have lost the lock),
// and sits out two tries before contesting again, so a healthy follower takes over first.
// SQLite admits one console per database file: that console always leads.
import pg from "pg";
import { logger } from "../log";
import { postgresPoolConfig } from "./postgres-adapter";
import { databaseKind, databaseUrl } from "./url";

export type Leadership = { isLeader(): boolean; stop(): Promise<void> };

export function electLeader(name: string, { retryMs, onLead, url = databaseUrl() }: { retryMs: number; onLead?: () => void; url?: string }): Leadership {
  if (databaseKind(url) !== "postgresql") return { isLeader: () => true, stop: async () => {} };
  const log = logger("leadership", { role: name });
  const config = { ...postgresPoolConfig(url, { application_name: `zk-console-lead:${name}`, connectionTimeoutMillis: retryMs }), keepAlive: true };
  let client: pg.Client | null = null;
  let leader = false;
  let stopped = false;
  let busy = false;
  let sitOutUntil = 0;

  const drop = (c: pg.Client, why: string) => {
    if (c !== client) return;
    client = null;
    if (leader) {
      log.warn({ why }, "stopped leading");
      sitOutUntil = Date.now() + 2 * retryMs;
    }
    leader = false;
    c.end().catch(() => {});
  };
  const within = <T>(p: Promise<T>) => new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no answer within ${retryMs} ms`)), retryMs);
    p.then((v) => (clearTimeout(t), resolve(v)), (e) => (clearTimeout(t), reject(e)));
  });

  async function attempt() {
    if (busy || stopped || Date.now() < sitOutUntil) return;
    busy = true;
    let c = client;
    try {
      if (!c) {
        c = client = new pg.Client(config);
        const mine = c;
        mine.on("error", (e) => drop(mine, e.message));
        mine.on("end", () => drop(mine, "connection ended"));
        await within(mine.connect());
      }
      if (leader) await within(c.query("SELECT 1"));
      else {
        const { rows } = await within(c.query<{ ok: boolean }>("SELECT pg_try_advisory_lock(hashtext($1)) AS ok", [`zk-console:lead:${name}`]));
        if (rows[0]?.ok && c === client && !stopped) {
          leader = true;
          log.info("leading");
          onLead?.();
        }
      }
    } catch (e) {
      if (c) drop(c, (e as Error).message);
    } finally {
      busy = false;
    }
  }
  const timer = setInterval(() => void attempt(), retryMs);
  timer.unref();
  void attempt();

  return {
    isLeader: () => leader,
    async stop() {
      stopped = true;
      clearInterval(timer);
      const c = client;
      client = null;
      leader = false;
      await c?.end().catch(() => {});
    },
  };
}
