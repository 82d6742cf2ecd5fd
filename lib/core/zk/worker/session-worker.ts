// A session worker: a child process hosting the ZooKeeper sessions of the clusters the console
// assigns to it (lib/core/zk/worker-pool.ts). The native binding can block the event loop (close()
// takes up to seconds against a silent server, getaddrinfo on reconnect) and can crash the process
// on misuse; here that only affects this worker's clusters. Compiled to session-worker.cjs by
// scripts/build-session-worker.cjs; messages are lib/core/zk/worker/protocol.ts.
import { RC, batcher, type FromWorker, type OpName, type OpenSession, type ToWorker, type WatchKind } from "./protocol";
import type { Native, ZooKeeperWrapper } from "./native";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const ZooKeeper: { new (o: object): ZooKeeperWrapper; constants: Record<string, number> } = require("zookeeper");
const C = ZooKeeper.constants;
const WATCH_TYPE: Record<WatchKind, number> = { child: 1, data: 2, any: 3 };

const post = batcher<FromWorker>((batch) => {
  if (process.connected) process.send!(batch);
});

type Completion = (rc: number, error: string, ...result: never[]) => void;
type Impl = (n: Native, args: never[], done: Completion, arm: (kind: "data" | "child") => void) => number | void;

const toNativeAcl = (acl: { perms: number }[]) => acl.map(({ perms, ...rest }) => ({ perm: perms, ...rest }));

/**
 * The calls, straight to the native object (the JS wrapper util.inspect()s every argument).
 * Watches use the handle's own watcher (watch=true): the C client holds at most one per (path,
 * kind), shared by every caller, and removeWatches removes exactly the session's server watch.
 * `arm` registers the caller's watch when the read that set it succeeded: replies and events come
 * in order, so an event never reaches a watch set after it.
 */
const OPS: Record<OpName, Impl> = {
  get: (n, [path], done) => n.a_get(path, false, done),
  getW: (n, [path], done, arm) => n.a_get(path, true, (rc, e, ...r) => (rc === 0 && arm("data"), done(rc, e, ...r))),
  exists: (n, [path], done) => n.a_exists(path, false, done),
  // A missing node keeps its exists watch (it fires on creation).
  existsW: (n, [path], done, arm) => n.a_exists(path, true, (rc, e, ...r) => ((rc === 0 || rc === RC.NO_NODE) && arm("data"), done(rc, e, ...r))),
  children: (n, [path], done) => n.a_get_children2(path, false, done),
  childrenW: (n, [path], done, arm) => n.a_get_children2(path, true, (rc, e, ...r) => (rc === 0 && arm("child"), done(rc, e, ...r))),
  getAcl: (n, [path], done) => n.a_get_acl(path, done),
  create: (n, [path, data, flags, ttl], done) => (ttl ? n.a_create_ttl(path, data, flags, ttl, done) : n.a_create(path, data, flags, done)),
  set: (n, [path, data, version], done) => n.a_set(path, data, version, done),
  delete: (n, [path, version], done) => n.a_delete_(path, version, done),
  setAcl: (n, [path, version, acl], done) => n.a_set_acl(path, version, toNativeAcl(acl), done),
  multi: (n, [ops], done) => n.a_multi((ops as { acl?: { perms: number }[] }[]).map((o) => (o.acl ? { ...o, acl: toNativeAcl(o.acl) } : o)), done),
  removeWatches: (n, [path, kind], done) => {
    const rc = n.a_remove_all_watches(path, WATCH_TYPE[kind as WatchKind], done);
    // No such watch in the client: answered at once, not by the server.
    if (rc === RC.NO_WATCHER) done(RC.NO_WATCHER, "no watcher");
    return rc === RC.NO_WATCHER ? 0 : rc;
  },
  addAuth: (n, [scheme, credential], done) => n.add_auth(scheme, credential, done),
  sync: (n, [path], done) => n.a_sync(path, done),
  getConfig: (n, [], done) => n.a_getconfig(false, done),
  reconfig: (n, [joining, leaving, members, fromConfig], done) => n.a_reconfig(joining, leaving, members, fromConfig, done),
};

/** What each op answers, from the binding's completion arguments. */
const SHAPES: Partial<Record<OpName, (...r: never[]) => unknown>> = {
  get: (stat, data) => ({ stat, data }),
  getW: (stat, data) => ({ stat, data }),
  exists: (stat) => stat,
  existsW: (stat) => stat,
  children: (children, stat) => ({ children, stat }),
  childrenW: (children, stat) => ({ children, stat }),
  getAcl: (acl, stat) => ({ acl, stat }),
  create: (p) => p,
  set: (stat) => stat,
  getConfig: (stat, data) => ({ stat, data }),
  reconfig: (stat, data) => ({ stat, data }),
  multi: (results: { path?: string; stat?: unknown }[]) => results.map((r) => ({ path: r.path, stat: r.stat })),
};

const toBuffer = (v: unknown) => (v instanceof Uint8Array && !Buffer.isBuffer(v) ? Buffer.from(v.buffer, v.byteOffset, v.byteLength) : v);

class Session {
  private zk: ZooKeeperWrapper | null;
  private everConnected = false;
  private readonly watching = { data: new Map<string, Set<number>>(), child: new Map<string, Set<number>>() };

  constructor(readonly s: number, open: OpenSession, private readonly onEnd: () => void) {
    const zk = new ZooKeeper({ connect: open.connect, timeout: open.timeoutMs, debug_level: C.ZOO_LOG_LEVEL_ERROR, host_order_deterministic: open.ordered === true, response_counter_limit: 2_000_000_000 });
    this.zk = zk;
    zk.on("connect", () => {
      this.everConnected = true;
      this.state("connected", { sessionId: String(zk.client_id), password: String(zk.client_password) });
    });
    zk.on("connecting", () => this.state("connecting"));
    zk.on("close", (_self: unknown, code: number) => {
      // The binding closed the native handle (expired, auth failed): it must not be touched again.
      const reason = zk.native.last_error || undefined;
      this.zk = null;
      this.state(code === C.ZOO_EXPIRED_SESSION_STATE ? "expired" : code === C.ZOO_AUTH_FAILED_STATE ? "auth_failed" : "closed", { reason });
      this.onEnd();
    });
    const kinds: Record<string, ["data" | "child", ...("data" | "child")[]]> = { created: ["data"], changed: ["data"], child: ["child"], deleted: ["data", "child"] };
    for (const [event, list] of Object.entries(kinds)) {
      const type = event === "child" ? "children" : (event as "created" | "changed" | "deleted");
      zk.on(event, (_self: unknown, path: string) => {
        const wids = list.flatMap((k) => this.take(k, path));
        if (wids.length) post({ t: "watch", s, wids, event: { type, path } });
      });
    }
    try {
      const { tls, sasl } = open;
      zk.init({
        tls: tls && { ca: tls.caFile, cert: tls.certFile, key: tls.keyFile, verify_host: tls.verifyHostname },
        sasl: sasl && (sasl.mechanism === "DIGEST-MD5"
          ? { mechanism: sasl.mechanism, user: sasl.username, password: sasl.password }
          : { mechanism: sasl.mechanism, principal: sasl.principal, keytab: sasl.keytabFile, service: sasl.serviceName, host: sasl.serviceHost }),
      });
    } catch (e) {
      // Refused before connecting: Kerberos credentials unavailable (keytab, KDC), bad options.
      this.end("auth_failed", (e as Error).message);
      return;
    }
    // Credentials are kept by the C client and re-sent on every reconnect of this session.
    for (const a of open.auth) zk.native.add_auth(a.scheme, a.credential, () => {});
  }

  private state(state: Extract<FromWorker, { t: "state" }>["state"], extra: { sessionId?: string; password?: string; reason?: string } = {}) {
    post({ t: "state", s: this.s, state, ...extra });
  }

  /**
   * The C client retries a refused handshake forever; before the session was ever established a
   * TLS failure is the cluster's configuration (CA, certificate, host name), so it ends the session
   * at once with the reason. Later ones (a member's new certificate) are reported while it retries.
   */
  checkConnectFailure(): void {
    const reason = this.zk?.native.last_error;
    if (!reason?.startsWith("TLS") || reason === this.reported) return;
    this.reported = reason;
    if (!this.everConnected) this.end("tls_failed", reason);
    else this.state("connecting", { reason });
  }
  private reported = "";

  get ended(): boolean {
    return this.zk === null;
  }

  get connecting(): boolean {
    return this.zk !== null && !this.everConnected;
  }

  private held: Extract<ToWorker, { t: "call" }>[] | null = null;

  /** Calls to a paused session wait here, as they would in the pipe of a stopped process. */
  pause(paused: boolean): void {
    if (paused && !this.held) {
      this.held = [];
      this.zk?.native.pause();
    } else if (!paused && this.held) {
      const held = this.held;
      this.held = null;
      this.zk?.native.resume();
      held.forEach((m) => this.call(m));
    }
  }

  call(m: Extract<ToWorker, { t: "call" }>): void {
    if (this.held) return void this.held.push(m);
    const { id, op, args, wid } = m;
    const impl = OPS[op];
    if (!impl) return post({ t: "reply", id, ok: false, rc: RC.BAD_ARGUMENTS, error: `unknown operation ${op}` });
    if (!this.zk) return post({ t: "reply", id, ok: false, rc: RC.SESSION_CLOSED, error: "session closed" });
    const path = args[0] as string;
    const done: Completion = (rc, error, ...result) => {
      if (op === "removeWatches" && (rc === 0 || rc === RC.NO_WATCHER)) {
        const kind = args[1] as WatchKind;
        const wids = kind === "any" ? [...this.take("data", path), ...this.take("child", path)] : this.take(kind, path);
        return post({ t: "reply", id, ok: true, value: { removed: rc === 0, wids } });
      }
      if (rc === RC.NO_NODE && op === "existsW") return post({ t: "reply", id, ok: true, value: null });
      if (rc !== 0) {
        const codes = op === "multi" ? ((result[0] as unknown as { err: number }[] | undefined) ?? []).map((r) => r.err) : undefined;
        post({ t: "reply", id, ok: false, rc, error, details: codes && { codes } });
      } else post({ t: "reply", id, ok: true, value: SHAPES[op]?.(...result) });
      // The C client would reconnect and be closed again, forever.
      if (rc === RC.SASL_REQUIRED) this.end("auth_failed", "ZooKeeper requires SASL authentication for every session (enforce.auth.enabled) and the console has no SASL credentials for this cluster");
    };
    const arm = (kind: "data" | "child") => {
      if (wid === undefined) return;
      const map = this.watching[kind];
      map.set(path, (map.get(path) ?? new Set()).add(wid));
    };
    try {
      const rc = impl(this.zk.native, args.map(toBuffer) as never[], done, arm);
      // A synchronous refusal (closed handle, bad arguments) comes back as a negative number.
      if (typeof rc === "number" && rc < 0) post({ t: "reply", id, ok: false, rc, error: "refused" });
    } catch (e) {
      post({ t: "reply", id, ok: false, rc: RC.BAD_ARGUMENTS, error: String((e as Error)?.message) });
    }
  }

  private take(kind: "data" | "child", path: string): number[] {
    const set = this.watching[kind].get(path);
    this.watching[kind].delete(path);
    return set ? [...set] : [];
  }

  /** End the session for good, with a reason when it was refused. */
  end(state: "auth_failed" | "tls_failed" | "closed", reason?: string): void {
    const handle = this.zk;
    this.zk = null;
    this.state(state, { reason });
    this.onEnd();
    // close() can block for seconds against a silent server: after the answers are out.
    if (handle) setImmediate(() => handle.close());
  }
}

const sessions = new Map<number, Session>();

// TLS refusals are noticed by polling the handles that are still connecting (cheap: a string read).
setInterval(() => {
  for (const session of sessions.values()) if (session.connecting) session.checkConnectFailure();
}, 50).unref();

function receive(m: ToWorker) {
  if (m.t === "open") {
    if (sessions.has(m.s)) return;
    const { t: _t, s, ...open } = m;
    const session = new Session(s, open, () => sessions.delete(s));
    if (!session.ended) sessions.set(s, session);
  } else if (m.t === "call") {
    const session = sessions.get(m.s);
    if (session) session.call(m);
    else post({ t: "reply", id: m.id, ok: false, rc: RC.SESSION_CLOSED, error: "session closed" });
  } else if (m.t === "close") {
    sessions.get(m.s)?.end("closed");
  } else if (m.t === "pause") {
    sessions.get(m.s)?.pause(m.paused);
  }
}

process.on("message", (batch: ToWorker[]) => batch.forEach(receive));
// The console went away: end every session politely rather than leaving them to time out.
process.on("disconnect", () => {
  for (const s of sessions.values()) s.end("closed");
  setTimeout(() => process.exit(0), 100);
});
