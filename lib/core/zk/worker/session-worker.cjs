// One ZooKeeper session in its own process (forked by lib/core/zk/sessions.ts).
//
// The native binding can block the event loop (close() takes seconds, getaddrinfo on
// reconnect) and can crash the process on misuse; here it can only take down its own
// cluster's session. Plain CommonJS so it runs as-is from `next start`, tsx and vitest.
//
// Parent → worker: { t: "open", connect, timeoutMs, auth: [{ scheme, credential }] }
//                  { t: "call", id, op, args, wid? }   { t: "close" }
// Worker → parent: { t: "state", state, sessionId?, password?, code? }
//                  { t: "reply", id, ok, value? , error? }   { t: "watch", wid, event }
"use strict";
const ZooKeeper = require("zookeeper");

const C = ZooKeeper.constants;
const EVENT_NAMES = { [C.ZOO_CREATED_EVENT]: "created", [C.ZOO_DELETED_EVENT]: "deleted", [C.ZOO_CHANGED_EVENT]: "changed", [C.ZOO_CHILD_EVENT]: "children" };

let zk = null;
let closing = false;

const send = (m) => {
  if (process.connected) process.send(m);
};

/** A completion callback `(rc, error, ...result)` that answers call `id`. */
function replier(id, shape) {
  return (rc, error, ...result) => {
    if (rc !== 0) send({ t: "reply", id, ok: false, error: `${rc} ${error}` });
    else send({ t: "reply", id, ok: true, value: shape ? shape(...result) : undefined });
  };
}

/** A one-shot watch: the first node event is forwarded; session events are left to "state". */
function watcher(wid) {
  let fired = false;
  return (type, _state, path) => {
    if (fired || !(type in EVENT_NAMES)) return;
    fired = true;
    send({ t: "watch", wid, event: { type: EVENT_NAMES[type], path } });
  };
}

// Calls go straight to the native object: the JS wrapper util.inspect()s every argument.
const OPS = {
  get: (n, [path], cb) => n.a_get(path, false, replier(cb, (stat, data) => ({ stat, data }))),
  getW: (n, [path], cb, wid) => n.aw_get(path, watcher(wid), replier(cb, (stat, data) => ({ stat, data }))),
  exists: (n, [path], cb) => n.a_exists(path, false, replier(cb, (stat) => stat)),
  // On a missing node the exists watch stays armed (it fires on creation): answer null, not an error.
  existsW: (n, [path], cb, wid) => n.aw_exists(path, watcher(wid), (rc, error, stat) => (rc === C.ZNONODE ? send({ t: "reply", id: cb, ok: true, value: null }) : replier(cb, (s) => s)(rc, error, stat))),
  children: (n, [path], cb) => n.a_get_children2(path, false, replier(cb, (children, stat) => ({ children, stat }))),
  childrenW: (n, [path], cb, wid) => n.aw_get_children2(path, watcher(wid), replier(cb, (children, stat) => ({ children, stat }))),
  getAcl: (n, [path], cb) => n.a_get_acl(path, replier(cb, (acl, stat) => ({ acl, stat }))),
  create: (n, [path, data, flags, ttl], cb) =>
    ttl ? n.a_create_ttl(path, data, flags, ttl, replier(cb, (p) => p)) : n.a_create(path, data, flags, replier(cb, (p) => p)),
  set: (n, [path, data, version], cb) => n.a_set(path, data, version, replier(cb, (stat) => stat)),
  delete: (n, [path, version], cb) => n.a_delete_(path, version, replier(cb)),
  setAcl: (n, [path, version, acl], cb) => n.a_set_acl(path, version, acl.map(({ perms, ...rest }) => ({ perm: perms, ...rest })), replier(cb)),
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

function open({ connect, timeoutMs, auth }) {
  zk = new ZooKeeper({ connect, timeout: timeoutMs, debug_level: C.ZOO_LOG_LEVEL_ERROR, host_order_deterministic: false, response_counter_limit: 2_000_000_000 });
  const ids = () => ({ sessionId: String(zk.client_id), password: String(zk.client_password) });
  zk.on("connect", () => send({ t: "state", state: "connected", ...ids() }));
  zk.on("connecting", () => send({ t: "state", state: "connecting" }));
  zk.on("close", (_self, code) => {
    // The binding closed the native handle (expired, auth failed): it must not be touched again.
    zk = null;
    const state = code === C.ZOO_EXPIRED_SESSION_STATE ? "expired" : code === C.ZOO_AUTH_FAILED_STATE ? "auth_failed" : "closed";
    send({ t: "state", state, code });
    setTimeout(() => process.exit(0), 50);
  });
  zk.init({});
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
