// One ZooKeeper session per registered cluster, hosted by one of the pooled session workers
// (worker-pool.ts), held on globalThis so Next.js hot reload does not leak them. Connects lazily,
// lets the C client reconnect on its own, and replaces the session after expiry or a crashed
// worker (a dead handle is never reused: the worker closes it and forgets it).
import { createHash } from "node:crypto";
import { ConsoleError, errors } from "../errors";
import { ZkClient } from "./client";
import { sessionRefused } from "./errors";
import type { SaslOptions, TlsOptions } from "./session-files";
import { PooledSession, type StateEvent } from "./pooled-session";
import { tlsProblem } from "./tls-check";
import { answeringHosts } from "./host-probe";
import { logger } from "../log";

const log = logger("zk");

export type AuthIdentity = { scheme: string; credential: string };
/**
 * One cluster's session: where, how long it may be silent, `auth` identities added after connect
 * (digest, ip), and transport security: `tls` (PEMs; client certificate optional; host names
 * checked unless verifyHostname is false) and `sasl` (DIGEST-MD5 or Kerberos GSSAPI).
 */
export type SessionTarget = { id: string; connectionString: string; sessionTimeoutMs: number; auth?: AuthIdentity[]; tls?: TlsOptions; sasl?: SaslOptions };
export type SessionState = "idle" | "connecting" | "connected" | "expired" | "failed";
export type SessionStatus = { state: SessionState; reason?: string; sessionId?: string; since: string };

/** What watchers of a cluster need to know: a reconnect keeps watches, a new session does not. */
export type SessionEvent =
  | { kind: "connected"; sessionId: string; newSession: boolean }
  | { kind: "disconnected"; reason: string }
  | { kind: "ended"; reason: string };

type Entry = {
  target: SessionTarget;
  fingerprint: string;
  proc: PooledSession | null;
  client: ZkClient | null;
  ready: Promise<ZkClient> | null;
  status: SessionStatus;
  password?: string;
  lastSessionId?: string;
  /** Since when the session has not been connected (opened, or connection lost); null while connected. */
  downSince: number | null;
  /** Why the last session was refused for good (TLS, SASL), and when: requests fail with it at once
   * for a few seconds instead of each opening a session that would be refused again. */
  refusal?: ConsoleError;
  refusedAt?: number;
};

type Registry = { entries: Map<string, Entry>; listeners: Map<string, Set<(e: SessionEvent) => void>> };
const registry: Registry = ((globalThis as { __zkSessionRegistry?: Registry }).__zkSessionRegistry ??= { entries: new Map(), listeners: new Map() });

const fingerprintOf = (t: SessionTarget) =>
  createHash("sha256").update(JSON.stringify([t.connectionString, t.sessionTimeoutMs, t.auth ?? [], t.tls ?? null, t.sasl ?? null])).digest("hex");

function setStatus(entry: Entry, state: SessionState, reason?: string, sessionId?: string) {
  entry.status = { state, reason, sessionId, since: new Date().toISOString() };
}

function emit(id: string, e: SessionEvent) {
  for (const l of registry.listeners.get(id) ?? []) {
    try {
      l(e);
    } catch (err) {
      log.error({ err, clusterId: id }, "a session listener failed");
    }
  }
}

const unreachable = (t: SessionTarget) => errors.clusterUnreachable(t.connectionString, t.sessionTimeoutMs);

function onState(id: string, entry: Entry, proc: PooledSession, e: StateEvent) {
  if (entry.proc !== proc) return;
  if (e.state === "connected") {
    const newSession = e.sessionId !== entry.lastSessionId;
    entry.lastSessionId = e.sessionId;
    entry.password = e.password;
    entry.downSince = null;
    entry.refusal = undefined;
    setStatus(entry, "connected", undefined, e.sessionId);
    emit(id, { kind: "connected", sessionId: e.sessionId ?? "", newSession });
    return;
  }
  if (e.state === "connecting") {
    entry.downSince ??= Date.now();
    setStatus(entry, "connecting", e.reason ? `reconnecting: ${e.reason}` : "connection lost; the client is reconnecting", entry.status.sessionId);
    emit(id, { kind: "disconnected", reason: "connection lost; reconnecting" });
    return;
  }
  // The session is over (expired, credentials refused, worker gone): the next request opens a new one.
  entry.proc = null;
  entry.client = null;
  entry.ready = null;
  if (e.state === "auth_failed" || e.state === "tls_failed") refuse(entry, sessionRefused(e.state, e.reason));
  const reason =
    entry.refusal ? entry.refusal.message
    : e.state === "expired" ? "the session expired; a new one is opened on the next request"
    : e.state === "crashed" ? `${e.reason ?? "the session worker ended"}; a new session is opened on the next request`
    : "the session was closed";
  setStatus(entry, e.state === "expired" ? "expired" : "failed", reason);
  emit(id, { kind: "ended", reason });
}

const REFUSAL_HOLD_MS = 5000;

function refuse(entry: Entry, error: ConsoleError) {
  entry.refusal = error;
  entry.refusedAt = Date.now();
}

function open(id: string, entry: Entry): Promise<ZkClient> {
  if (entry.refusal && Date.now() - (entry.refusedAt ?? 0) < REFUSAL_HOLD_MS) return Promise.reject(entry.refusal);
  const { connectionString, sessionTimeoutMs, auth, tls, sasl } = entry.target;
  const problem = tls && tlsProblem(tls);
  if (problem) {
    refuse(entry, sessionRefused("tls_failed", problem));
    setStatus(entry, "failed", problem);
    return Promise.reject(entry.refusal);
  }
  entry.downSince = Date.now();
  setStatus(entry, "connecting");
  // Hosts that do not answer at all are tried last by this session (host-probe.ts), logged once.
  return answeringHosts(connectionString).then(({ connectionString: connect, silent }) => {
    if (registry.entries.get(id) !== entry || entry.target.connectionString !== connectionString) return Promise.reject(errors.clusterUnavailable("cluster unavailable: the session was closed while it was opened"));
    if (silent.length) log.warn({ clusterId: id, silent, connect }, "hosts that did not answer are tried last by the new session");
    const proc: PooledSession = new PooledSession(id, { connect, timeoutMs: sessionTimeoutMs, auth: auth ?? [], tls, sasl, ordered: silent.length > 0 }, (e) => onState(id, entry, proc, e));
    entry.proc = proc;
    entry.client = new ZkClient(proc, sessionTimeoutMs);
    return waitConnected(entry);
  });
}

/**
 * Resolves when the entry's session is connected. A brief loss (a leader election, a member
 * restart) is waited out; an outage is given the session timeout from its start, after which
 * requests fail at once (503) until the client is connected again.
 */
function waitConnected(entry: Entry): Promise<ZkClient> {
  const { proc, client } = entry;
  if (!proc || !client || !proc.alive) return Promise.reject(unreachable(entry.target));
  if (entry.status.state === "connected") return Promise.resolve(client);
  const deadline = (entry.downSince ?? Date.now()) + entry.target.sessionTimeoutMs;
  if (Date.now() >= deadline) return Promise.reject(unreachable(entry.target));
  return new Promise<ZkClient>((resolve, reject) => {
    const tick = setInterval(() => {
      if (entry.proc !== proc || !proc.alive) {
        clearInterval(tick);
        reject(entry.refusal ?? (entry.status.state === "failed" ? errors.clusterUnavailable(`cluster unavailable: ${entry.status.reason}`) : unreachable(entry.target)));
      } else if (entry.status.state === "connected") {
        clearInterval(tick);
        resolve(client);
      } else if (Date.now() >= deadline) {
        // Keep the session: the C client goes on trying, later requests may find it connected.
        clearInterval(tick);
        reject(unreachable(entry.target));
      }
    }, 20);
    tick.unref?.();
  });
}

function entryFor(target: SessionTarget): Entry {
  let entry = registry.entries.get(target.id);
  // The access layer hands the same target object until the cluster or its credentials change:
  // only a new object is fingerprinted, and a new address or auth list replaces the session.
  if (entry?.target === target) return entry;
  const fingerprint = fingerprintOf(target);
  if (entry && entry.fingerprint !== fingerprint) {
    closeSession(target.id);
    entry = undefined;
  }
  if (entry) entry.target = target;
  else {
    entry = { target, fingerprint, proc: null, client: null, ready: null, status: { state: "idle", since: new Date().toISOString() }, downSince: null };
    registry.entries.set(target.id, entry);
  }
  return entry;
}

/**
 * The connected client for a cluster; concurrent callers share one connect, and one wait while
 * the client reconnects (see waitConnected). A session that ended meanwhile is replaced.
 */
export async function getClient(target: SessionTarget): Promise<ZkClient> {
  for (let attempt = 1; ; attempt++) {
    const entry = entryFor(target);
    if (!entry.ready) {
      entry.ready = entry.proc?.alive ? waitConnected(entry) : open(target.id, entry);
      entry.ready.catch(() => { /* reported to the awaiting callers */ });
    }
    const ready = entry.ready;
    const client = await ready.catch((e) => {
      // The next caller waits afresh (on the same session while it lives).
      if (entry.ready === ready) entry.ready = null;
      throw e;
    });
    if (entry.status.state === "connected" && entry.client === client) return client;
    if (attempt < 4 && entry.client === client && entry.proc?.alive) {
      // Connected before, reconnecting now.
      if (entry.ready === ready) {
        entry.ready = waitConnected(entry);
        entry.ready.catch(() => {});
      }
      continue;
    }
    // The session ended (expired, crashed) meanwhile: again on its replacement, unless it was
    // closed or refused (TLS, SASL: a new session now would be refused the same way).
    if (entry.refusal) throw entry.refusal;
    if (attempt < 4 && registry.entries.get(target.id) === entry) continue;
    throw errors.clusterUnavailable(`cluster unavailable: ${entry.status.reason ?? "not connected to ZooKeeper"}`);
  }
}

export function sessionStatus(id: string): SessionStatus {
  return registry.entries.get(id)?.status ?? { state: "idle", since: new Date().toISOString() };
}

/** The state of every cluster session this process holds (for /metrics). */
export function sessionStates(): { clusterId: string; state: SessionState }[] {
  return [...registry.entries].map(([clusterId, e]) => ({ clusterId, state: e.status.state }));
}

/** Session events of one cluster (connected / disconnected / ended); returns the unsubscribe. */
export function onSessionEvent(id: string, listener: (e: SessionEvent) => void): () => void {
  const set = registry.listeners.get(id) ?? new Set();
  registry.listeners.set(id, set);
  set.add(listener);
  return () => {
    set.delete(listener);
    if (set.size === 0) registry.listeners.delete(id);
  };
}

/** Close and forget a cluster's session (cluster removed or reconfigured). */
export function closeSession(id: string): void {
  const entry = registry.entries.get(id);
  registry.entries.delete(id);
  if (!entry?.proc) return;
  const proc = entry.proc;
  entry.proc = null;
  entry.client = null;
  entry.ready = null;
  proc.close();
  emit(id, { kind: "ended", reason: "the session was closed" });
}

/**
 * Test support: the live session's id and password (to expire it from outside), the worker
 * hosting it, and kill(): SIGSTOP/SIGCONT freeze and thaw this session alone, any other signal
 * goes to its worker (every cluster that worker hosts).
 */
export function sessionInternals(id: string): { sessionId?: string; password?: string; workerIndex: number; workerPid?: number; kill: (s?: NodeJS.Signals) => void } | null {
  const entry = registry.entries.get(id);
  if (!entry?.proc) return null;
  const proc = entry.proc;
  return { sessionId: entry.status.sessionId, password: entry.password, workerIndex: proc.workerIndex, workerPid: proc.workerPid, kill: (s) => proc.kill(s) };
}
