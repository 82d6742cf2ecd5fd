// One ZooKeeper session in its own process (forked by lib/core/zk/sessions.ts).
//
// The native binding can block the event loop (close() takes seconds, getaddrinfo on
// reconnect) and can crash the process on misuse; here it can only take down its own
// cluster's session. Plain CommonJS so it runs as-is from `next start`, tsx and vitest.
//
// Parent → worker: { t: "open", connect, timeoutMs, auth: [{ scheme, credential }], tls?, sasl? }
//                  { t: "call", id, op, args, wid? }   { t: "close" }
// Worker → parent: { t: "state", state, sessionId?, password?, code?, reason? }
//                  { t: "reply", id, ok, value?, error?, details? }   { t: "watch", wids, event }
"use strict";
const ZooKeeper = require("zookeeper");

const C = ZooKeeper.constants;
// The server closed the session: it enforces SASL (enforce.auth.enabled) and this one has none.
const ZSESSIONCLOSEDREQUIRESASLAUTH = -124;
// Not among the binding's exported constants.
const ZNOWATCHER = -121;

let zk = null;
let closing = false;
let everConnected = false;

// Watches share the handle's own watcher (watch=true), so the C client holds at most one per
// (path, kind) and removeWatches removes exactly the session's server-side watch. The ids of
// the callers waiting on each are kept here, added when the read that set the watch succeeds
// (events and replies arrive in order, so an event never reaches a watch set after it).
const watching = { data: new Map(), child: new Map() };
const WATCH_TYPE = { child: 1, data: 2, any: 3 };

function arm(kind, path, wid) {
  const set = watching[kind].get(path) ?? new Set();
  watching[kind].set(path, set);
  set.add(wid);
}

function take(kind, path) {
  const set = watching[kind].get(path);
  watching[kind].delete(path);
  return set ? [...set] : [];
}

function fire(kinds, type, path) {
  const wids = kinds.flatMap((k) => take(k, path));
  if (wids.length) send({ t: "watch", wids, event: { type, path } });
}

const send = (m) => {
  if (process.connected) process.send(m);
};

/** A completion callback `(rc, error, ...result)` that answers call `id`. */
function replier(id, shape) {
  return (rc, error, ...result) => {
    if (rc !== 0) send({ t: "reply", id, ok: false, error: `${rc} ${error}` });
    else send({ t: "reply", id, ok: true, value: shape ? shape(...result) : undefined });
    // The C client would reconnect and be closed again, forever.
    if (rc === ZSESSIONCLOSEDREQUIRESASLAUTH) fail("auth_failed", "ZooKeeper requires SASL authentication for every session (enforce.auth.enabled) and the console has no SASL credentials for this cluster");
  };
}

/** Answers call `id` and, on success, arms `wid` for `kind` events of `path` first. */
function armingReplier(id, kind, path, wid, shape, absentIsOk) {
  return (rc, error, ...result) => {
    if (rc === 0 || (absentIsOk && rc === C.ZNONODE)) arm(kind, path, wid);
    if (absentIsOk && rc === C.ZNONODE) return send({ t: "reply", id, ok: true, value: null });
    replier(id, shape)(rc, error, ...result);
  };
}

const toNativeAcl = (acl) => acl.map(({ perms, ...rest }) => ({ perm: perms, ...rest }));

// Calls go straight to the native object: the JS wrapper util.inspect()s every argument.
const OPS = {
  get: (n, [path], cb) => n.a_get(path, false, replier(cb, (stat, data) => ({ stat, data }))),
  getW: (n, [path], cb, wid) => n.a_get(path, true, armingReplier(cb, "data", path, wid, (stat, data) => ({ stat, data }))),
  exists: (n, [path], cb) => n.a_exists(path, false, replier(cb, (stat) => stat)),
  // On a missing node the exists watch stays armed (it fires on creation): answer null, not an error.
  existsW: (n, [path], cb, wid) => n.a_exists(path, true, armingReplier(cb, "data", path, wid, (s) => s, true)),
  children: (n, [path], cb) => n.a_get_children2(path, false, replier(cb, (children, stat) => ({ children, stat }))),
  childrenW: (n, [path], cb, wid) => n.a_get_children2(path, true, armingReplier(cb, "child", path, wid, (children, stat) => ({ children, stat }))),
  getAcl: (n, [path], cb) => n.a_get_acl(path, replier(cb, (acl, stat) => ({ acl, stat }))),
  create: (n, [path, data, flags, ttl], cb) =>
    ttl ? n.a_create_ttl(path, data, flags, ttl, replier(cb, (p) => p)) : n.a_create(path, data, flags, replier(cb, (p) => p)),
  set: (n, [path, data, version], cb) => n.a_set(path, data, version, replier(cb, (stat) => stat)),
  delete: (n, [path, version], cb) => n.a_delete_(path, version, replier(cb)),
  setAcl: (n, [path, version, acl], cb) => n.a_set_acl(path, version, toNativeAcl(acl), replier(cb)),
  // All or nothing; on failure every op's code comes back so the caller can name the failing one.
  multi: (n, [ops], cb) =>
    n.a_multi(ops.map((o) => (o.acl ? { ...o, acl: toNativeAcl(o.acl) } : o)), (rc, error, results) => {
      if (rc === 0) send({ t: "reply", id: cb, ok: true, value: results.map((r) => ({ path: r.path, stat: r.stat })) });
      else send({ t: "reply", id: cb, ok: false, error: `${rc} ${error}`, details: { codes: (results ?? []).map((r) => r.err) } });
    }),
  // The session's watches of one kind on a path, removed on the server (REMOVE_WATCHES); the
  // callers waiting on them are dropped. No watch there: { removed: false }.
  removeWatches: (n, [path, kind], cb) => {
    const dropped = () => (kind === "any" ? [...take("data", path), ...take("child", path)] : take(kind, path));
    const rc = n.a_remove_all_watches(path, WATCH_TYPE[kind], (code, error) => {
      if (code === 0 || code === ZNOWATCHER) send({ t: "reply", id: cb, ok: true, value: { removed: code === 0, wids: dropped() } });
      else send({ t: "reply", id: cb, ok: false, error: `${code} ${error}` });
    });
    if (rc === ZNOWATCHER) send({ t: "reply", id: cb, ok: true, value: { removed: false, wids: dropped() } });
    return rc === ZNOWATCHER ? 0 : rc;
  },
  addAuth: (n, [scheme, credential], cb) => n.add_auth(scheme, credential, replier(cb)),
  sync: (n, [path], cb) => n.a_sync(path, replier(cb)),
  getConfig: (n, [], cb) => n.a_getconfig(false, replier(cb, (stat, data) => ({ stat, data }))),
  reconfig: (n, [joining, leaving, members, fromConfig], cb) =>
    n.a_reconfig(joining, leaving, members, fromConfig, replier(cb, (stat, data) => ({ stat, data }))),
};

const toBuffer = (v) => (v instanceof Uint8Array && !Buffer.isBuffer(v) ? Buffer.from(v.buffer, v.byteOffset, v.byteLength) : v);

function call({ id, op, args, wid }) {
  const impl = OPS[op];
  if (!impl) return send({ t: "reply", id, ok: false, error: `-8 unknown operation ${op}` });
  if (!zk) return send({ t: "reply", id, ok: false, error: "-9 session closed" });
  try {
    const rc = impl(zk.native, args.map(toBuffer), id, wid);
    // A synchronous refusal (closed handle, bad arguments) comes back as a negative number.
    if (typeof rc === "number" && rc < 0) send({ t: "reply", id, ok: false, error: `${rc} refused` });
  } catch (e) {
    send({ t: "reply", id, ok: false, error: `-8 ${e && e.message}` });
  }
}

/** End the session for good with a reason (a TLS or SASL failure before it was ever established). */
function fail(state, reason) {
  const handle = zk;
  zk = null;
  send({ t: "state", state, reason });
  try {
    if (handle) handle.close();
  } finally {
    setTimeout(() => process.exit(0), 50);
  }
}

/**
 * The C client retries a refused handshake forever; before the session was ever established a
 * TLS failure is the cluster's configuration (CA, certificate, host name), so it ends the open
 * at once with the reason. Later ones (a member's new certificate) are reported while it retries.
 */
function watchConnectFailures() {
  let reported = "";
  const timer = setInterval(() => {
    if (!zk) return clearInterval(timer);
    const reason = zk.native.last_error;
    if (!reason || reason === reported || !reason.startsWith("TLS")) return;
    reported = reason;
    if (!everConnected) {
      clearInterval(timer);
      fail("tls_failed", reason);
    } else send({ t: "state", state: "connecting", reason });
  }, 50);
}

function open({ connect, timeoutMs, auth, tls, sasl }) {
  zk = new ZooKeeper({ connect, timeout: timeoutMs, debug_level: C.ZOO_LOG_LEVEL_ERROR, host_order_deterministic: false, response_counter_limit: 2_000_000_000 });
  const ids = () => ({ sessionId: String(zk.client_id), password: String(zk.client_password) });
  zk.on("connect", () => {
    everConnected = true;
    send({ t: "state", state: "connected", ...ids() });
  });
  zk.on("connecting", () => send({ t: "state", state: "connecting" }));
  zk.on("close", (_self, code) => {
    // The binding closed the native handle (expired, auth failed): it must not be touched again.
    const reason = zk?.native.last_error || undefined;
    zk = null;
    const state = code === C.ZOO_EXPIRED_SESSION_STATE ? "expired" : code === C.ZOO_AUTH_FAILED_STATE ? "auth_failed" : "closed";
    send({ t: "state", state, code, reason });
    setTimeout(() => process.exit(0), 50);
  });
  for (const [event, type] of [["created", "created"], ["changed", "changed"], ["deleted", "deleted"], ["child", "children"]]) {
    const kinds = type === "deleted" ? ["data", "child"] : type === "children" ? ["child"] : ["data"];
    zk.on(event, (_self, path) => fire(kinds, type, path));
  }
  try {
    zk.init({
      tls: tls && { ca: tls.caFile, cert: tls.certFile, key: tls.keyFile, verify_host: tls.verifyHostname },
      sasl: sasl && { mechanism: sasl.mechanism, user: sasl.username, password: sasl.password, principal: sasl.principal, keytab: sasl.keytabFile, service: sasl.serviceName, host: sasl.serviceHost },
    });
  } catch (e) {
    // Refused before connecting: Kerberos credentials unavailable (keytab, KDC), bad options.
    return fail("auth_failed", e && e.message);
  }
  if (tls) watchConnectFailures();
  // Credentials are kept by the C client and re-sent on every reconnect of this session.
  for (const a of auth ?? []) zk.native.add_auth(a.scheme, a.credential, () => {});
}

process.on("message", (m) => {
  if (m.t === "call") call(m);
  else if (m.t === "open" && !zk) open(m);
  else if (m.t === "close") shutdown();
});

function shutdown() {
  if (closing) return;
  closing = true;
  const handle = zk;
  zk = null;
  try {
    if (handle) handle.close();
  } finally {
    process.exit(0);
  }
}

// The console went away: end the session politely rather than leaving it to time out.
process.on("disconnect", shutdown);
