// One ZooKeeper session per registered cluster, held on globalThis so Next.js
// hot reload does not leak handles. Connects lazily, lets the C client reconnect
// on its own, and replaces the handle after expiry (a dead handle must never be
// reused or closed twice: the binding can crash the process).
import ZooKeeper from "zookeeper";
import { ConsoleError, unavailable } from "../errors";
import { ZkClient, type ZkHandle } from "./client";

export type SessionTarget = { id: string; connectionString: string; sessionTimeoutMs: number };
export type SessionState = "idle" | "connecting" | "connected" | "expired" | "failed";
export type SessionStatus = { state: SessionState; reason?: string; sessionId?: string; since: string };

type Entry = {
  target: SessionTarget;
  zk: ZkHandle | null;
  ready: Promise<ZkClient> | null;
  status: SessionStatus;
};

const registry: Map<string, Entry> = ((globalThis as { __zkSessions?: Map<string, Entry> }).__zkSessions ??= new Map());


function setStatus(entry: Entry, state: SessionState, reason?: string, sessionId?: string) {
  entry.status = { state, reason, sessionId, since: new Date().toISOString() };
}

function open(entry: Entry): Promise<ZkClient> {
  const Zk = ZooKeeper;
  const { connectionString, sessionTimeoutMs } = entry.target;
  // response_counter_limit: by default the binding kills the handle after 10 polls in a
  // row without a complete reply, which a large reply (getChildren of ~100k names, read
  // in many chunks) or a stopped member easily causes. Real expiry still arrives from
  // the C client's watcher.
  const zk = new Zk({ connect: connectionString, timeout: sessionTimeoutMs, debug_level: Zk.constants.ZOO_LOG_LEVEL_ERROR, host_order_deterministic: false, response_counter_limit: 2_000_000_000 });
  entry.zk = zk;
  setStatus(entry, "connecting");
  const client = new ZkClient(zk, sessionTimeoutMs);

  zk.on("connect", () => {
    if (entry.zk !== zk) return;
    setStatus(entry, "connected", undefined, (zk as unknown as { client_id?: string }).client_id);
  });
  zk.on("connecting", () => {
    if (entry.zk === zk) setStatus(entry, "connecting", "connection lost; the client is reconnecting");
  });
  zk.on("close", (_self: unknown, code: number) => {
    // The binding already closed the native handle: drop it, never close it again.
    if (entry.zk !== zk) return;
    entry.zk = null;
    entry.ready = null;
    const expired = code === Zk.constants.ZOO_EXPIRED_SESSION_STATE;
    setStatus(entry, expired ? "expired" : "failed", expired ? "the session expired; a new one is opened on the next request" : "ZooKeeper rejected the session's authentication");
  });

  return new Promise<ZkClient>((resolve, reject) => {
    const timer = setTimeout(() => {
      // Keep the handle: the C client goes on trying, later requests may find it connected.
      reject(unavailable(`cluster unreachable: no ZooKeeper server at ${connectionString} answered within ${sessionTimeoutMs} ms`));
    }, sessionTimeoutMs);
    timer.unref?.();
    const done = () => { clearTimeout(timer); resolve(client); };
    zk.once("connect", done);
    try {
      zk.init({});
    } catch (e) {
      clearTimeout(timer);
      entry.zk = null;
      setStatus(entry, "failed", (e as Error).message);
      reject(unavailable(`could not start a ZooKeeper client for ${connectionString}: ${(e as Error).message}`));
    }
  });
}

function entryFor(target: SessionTarget): Entry {
  let entry = registry.get(target.id);
  const changed = entry && (entry.target.connectionString !== target.connectionString || entry.target.sessionTimeoutMs !== target.sessionTimeoutMs);
  if (entry && changed) {
    closeSession(target.id);
    entry = undefined;
  }
  if (!entry) {
    entry = { target, zk: null, ready: null, status: { state: "idle", since: new Date().toISOString() } };
    registry.set(target.id, entry);
  }
  return entry;
}

/** The connected client for a cluster; concurrent callers share one connect. */
export async function getClient(target: SessionTarget): Promise<ZkClient> {
  const entry = entryFor(target);
  if (!entry.ready) {
    entry.ready = open(entry);
    entry.ready.catch(() => { /* reported to the awaiting caller */ });
  }
  const client = await entry.ready.catch((e) => {
    // A failed first connect is retried by the next caller, on the same handle when it still lives.
    if (entry.zk) {
      entry.ready = waitForReconnect(entry);
      entry.ready.catch(() => { /* reported to the next awaiting caller */ });
    } else entry.ready = null;
    throw e;
  });
  if (entry.status.state !== "connected") {
    throw unavailable(`cluster unavailable: ${entry.status.reason ?? "not connected to ZooKeeper"}`);
  }
  return client;
}

function waitForReconnect(entry: Entry): Promise<ZkClient> {
  const zk = entry.zk;
  const unreachable = () => unavailable(`cluster unreachable: no ZooKeeper server at ${entry.target.connectionString} answered within ${entry.target.sessionTimeoutMs} ms`);
  // The handle was closed (closeSession, expiry): nothing to wait for, and no re-arming.
  if (!zk) return Promise.reject(unreachable());
  const client = new ZkClient(zk, entry.target.sessionTimeoutMs);
  if (entry.status.state === "connected") return Promise.resolve(client);
  return new Promise((resolve, reject) => {
    const onConnect = () => { clearTimeout(timer); resolve(client); };
    const timer = setTimeout(() => { zk.removeListener("connect", onConnect); reject(unreachable()); }, entry.target.sessionTimeoutMs);
    timer.unref?.();
    zk.once("connect", onConnect);
  }).then(
    (c) => c as ZkClient,
    (e) => {
      // Re-arm only while this handle is still the entry's live one.
      if (entry.zk === zk) { entry.ready = waitForReconnect(entry); entry.ready.catch(() => {}); }
      throw e;
    },
  );
}

export function sessionStatus(id: string): SessionStatus {
  return registry.get(id)?.status ?? { state: "idle", since: new Date().toISOString() };
}

/** Close and forget a cluster's session (cluster removed or reconfigured). */
export function closeSession(id: string): void {
  const entry = registry.get(id);
  registry.delete(id);
  const zk = entry?.zk;
  if (!entry || !zk) return;
  entry.zk = null;
  entry.ready = null;
  // close() blocks the event loop while the C client says goodbye: do it off the request path.
  setImmediate(() => {
    try { zk.close(); } catch (e) { console.error(`[zk] closing session of cluster ${id} failed:`, e); }
  });
}

export function isConsoleError(e: unknown): e is ConsoleError {
  return e instanceof ConsoleError;
}
