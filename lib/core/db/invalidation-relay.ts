// Cache invalidations across console instances that share a PostgreSQL database: every local
// invalidation is sent with NOTIFY, and a dedicated connection LISTENs for the other instances'.
// A notification only reaches a listener that was connected when it was sent, so whenever the
// listening connection is down (and once more when it is back) every cache is flushed: a cache
// refilled meanwhile is never more than one retry interval older than the database.
import pg from "pg";
import { z } from "zod";
import { INVALIDATION_KINDS, deliverRemote, relayInvalidations, type Invalidation } from "../invalidation";
import { instanceId } from "../instance";
import { logger } from "../log";
import { postgresPoolConfig } from "./postgres-adapter";

export const INVALIDATION_CHANNEL = "zkc_invalidation";
/** While not listening: how often to flush every cache and try to listen again. */
export const RELAY_RETRY_MS = 1_000;
/** A listening connection that does not answer a ping within this is taken as lost. */
export const RELAY_PING_MS = 5_000;
/** Changes not yet sent (the database unreachable) kept at most; beyond, "everything changed" is sent. */
const MAX_UNSENT = 1_000;

/** What goes over the channel: the sending instance and the change. */
export const relayMessage = z.object({ from: z.string(), kind: z.enum(INVALIDATION_KINDS), id: z.string().nullable() });

const flushAll = () => {
  for (const kind of INVALIDATION_KINDS) deliverRemote({ kind, id: null });
};
const everything = (): Invalidation[] => INVALIDATION_KINDS.map((kind) => ({ kind, id: null }));

export type InvalidationRelay = { listening(): boolean; stop(): Promise<void> };

export function startInvalidationRelay(url: string): InvalidationRelay {
  const log = logger("invalidation-relay");
  const config = { ...postgresPoolConfig(url, { application_name: "zk-console-listen", connectionTimeoutMillis: 5_000 }), keepAlive: true };
  const sender = new pg.Pool({ ...postgresPoolConfig(url, { application_name: "zk-console-notify", connectionTimeoutMillis: 5_000, max: 1 }) });
  sender.on("error", () => {}); // an idle connection lost: the next send reconnects
  const me = instanceId();
  let stopped = false;
  let listener: pg.Client | null = null;
  let listening = false;
  let retry: NodeJS.Timeout | undefined;
  let ping: NodeJS.Timeout | undefined;
  // A connection attempt can take longer than the retry interval (an unreachable host): flush meanwhile too.
  const flushing = setInterval(() => listening || flushAll(), RELAY_RETRY_MS);
  flushing.unref();

  let unsent: Invalidation[] = [];
  let sending = false;
  async function send() {
    if (sending || stopped) return;
    sending = true;
    try {
      while (unsent.length && !stopped) {
        const change = unsent[0];
        await sender.query("SELECT pg_notify($1, $2)", [INVALIDATION_CHANNEL, JSON.stringify({ from: me, ...change })]);
        unsent.shift();
      }
    } catch (e) {
      log.warn({ err: String(e), unsent: unsent.length }, "could not notify the other instances; retrying");
      setTimeout(() => void send(), RELAY_RETRY_MS).unref();
    } finally {
      sending = false;
    }
  }
  const removeRelay = relayInvalidations((change) => {
    unsent.push(change);
    if (unsent.length > MAX_UNSENT) unsent = everything();
    void send();
  });

  function lost(client: pg.Client, why: string) {
    if (client !== listener) return;
    listener = null;
    clearInterval(ping);
    if (listening) log.warn({ why }, "stopped listening for other instances' invalidations: flushing every cache until listening again");
    listening = false;
    client.end().catch(() => {});
    flushAll();
    if (!stopped) (retry = setTimeout(() => void listen(), RELAY_RETRY_MS)).unref();
  }

  async function listen() {
    const client = new pg.Client(config);
    listener = client;
    client.on("error", (e) => lost(client, e.message));
    client.on("end", () => lost(client, "connection ended"));
    client.on("notification", (n) => {
      if (n.channel !== INVALIDATION_CHANNEL || !n.payload) return;
      let message: z.infer<typeof relayMessage>;
      try {
        message = relayMessage.parse(JSON.parse(n.payload));
      } catch {
        return log.warn({ payload: n.payload.slice(0, 200) }, "ignored a malformed invalidation");
      }
      if (message.from !== me) deliverRemote({ kind: message.kind, id: message.id });
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${INVALIDATION_CHANNEL}`);
    } catch (e) {
      return lost(client, (e as Error).message);
    }
    if (client !== listener) return;
    listening = true;
    // Whatever was sent before LISTEN took effect was missed: nothing cached may predate it.
    flushAll();
    log.info({ instance: me }, "listening for other instances' invalidations");
    ping = setInterval(() => {
      const timer = setTimeout(() => lost(client, `no answer to a ping within ${RELAY_PING_MS} ms`), RELAY_PING_MS);
      client.query("SELECT 1").then(() => clearTimeout(timer), () => clearTimeout(timer));
    }, RELAY_PING_MS);
    ping.unref();
  }
  void listen();

  return {
    listening: () => listening,
    async stop() {
      stopped = true;
      removeRelay();
      clearTimeout(retry);
      clearInterval(ping);
      clearInterval(flushing);
      const client = listener;
      listener = null;
      await Promise.allSettled([client?.end(), sender.end()]);
    },
  };
}
