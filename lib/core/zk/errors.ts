// ZooKeeper errors arrive from the native binding as Error("<rc> <name>") with
// no code field; this is the one place that turns them into typed domain errors.
import { ConsoleError } from "../errors";

const ZK_CODES: Record<number, { code: string; status: number; message: (path?: string) => string }> = {
  [-101]: { code: "NO_NODE", status: 404, message: (p) => `znode ${p ?? ""} does not exist`.replace("  ", " ") },
  [-102]: { code: "NO_AUTH", status: 403, message: (p) => `the console's ZooKeeper session is not allowed to access ${p ?? "this znode"} by its ACL` },
  [-103]: { code: "BAD_VERSION", status: 409, message: (p) => `${p ?? "the znode"} was changed by someone else: reload it and try again` },
  [-108]: { code: "NO_CHILDREN_FOR_EPHEMERALS", status: 409, message: () => "ephemeral znodes cannot have children" },
  [-110]: { code: "NODE_EXISTS", status: 409, message: (p) => `znode ${p ?? ""} already exists` },
  [-111]: { code: "NOT_EMPTY", status: 409, message: (p) => `${p ?? "the znode"} has children: delete them first or delete recursively` },
  [-112]: { code: "SESSION_EXPIRED", status: 503, message: () => "the ZooKeeper session expired; the console is reconnecting, try again" },
  [-115]: { code: "AUTH_FAILED", status: 503, message: () => "ZooKeeper rejected the console's credentials" },
  [-4]: { code: "CONNECTION_LOSS", status: 503, message: () => "lost the connection to ZooKeeper during the request; it may or may not have been applied, reload to check" },
  [-9]: { code: "INVALID_STATE", status: 503, message: () => "the ZooKeeper session was closed or expired; the console opens a new one, try again" },
  [-7]: { code: "OPERATION_TIMEOUT", status: 504, message: () => "ZooKeeper did not answer in time" },
  [-8]: { code: "BAD_ARGUMENTS", status: 400, message: () => "ZooKeeper rejected the arguments" },
  [-6]: { code: "UNIMPLEMENTED", status: 501, message: () => "this ZooKeeper server does not support the operation" },
  [-121]: { code: "NO_WATCHER", status: 404, message: () => "no such watcher" },
  [-114]: { code: "INVALID_ACL", status: 400, message: () => "ZooKeeper rejected the ACL as invalid (for example an empty list or an unknown scheme)" },
  [-120]: { code: "EPHEMERAL_ON_LOCAL_SESSION", status: 409, message: () => "ephemeral znodes need a global session" },
  [-118]: { code: "SESSION_MOVED", status: 503, message: () => "the session moved to another ZooKeeper server during the request; reload to check whether it was applied" },
  [-119]: { code: "NOT_READ_ONLY", status: 503, message: () => "the connected ZooKeeper server is read-only (it lost its quorum); writes wait until the quorum is back" },
  [-127]: { code: "THROTTLED", status: 503, message: () => "ZooKeeper throttled the request without executing it; try again shortly" },
  [-13]: { code: "NEW_CONFIG_NO_QUORUM", status: 409, message: () => "the new configuration's voters are not connected and synced; start the joining servers first" },
  [-14]: { code: "RECONFIG_IN_PROGRESS", status: 409, message: () => "another reconfiguration is in progress; try again when it has finished" },
  [-123]: { code: "RECONFIG_DISABLED", status: 409, message: () => "dynamic reconfiguration is disabled on this ensemble (reconfigEnabled=true in zoo.cfg)" },
};

export class ZkError extends ConsoleError {
  constructor(
    readonly rc: number,
    code: string,
    status: number,
    message: string,
    /**
     * Decided in the console, not by the ZooKeeper client: the session process vanished or could
     * not be reached ("process"), or the console stopped waiting for an answer ("timeout").
     */
    readonly local?: "process" | "timeout",
  ) {
    super(code, status, message);
  }
}

/** Parse the native binding's "<rc> <name>" message into a typed error. */
export function toZkError(err: unknown, path?: string): Error {
  if (err instanceof ConsoleError) return err;
  const text = err instanceof Error ? err.message : String(err);
  // Async failures read "<rc> <name>"; calls the C client refuses up front (closed or
  // expired handle, bad arguments) read `fn: "a_get" args: "..." result: "ZINVALIDSTATE -9"`.
  const match = /^(-?\d+)\s/.exec(text) ?? /result: "\w+ (-\d+)"$/.exec(text);
  if (!match) return err instanceof Error ? err : new Error(text);
  const rc = Number(match[1]);
  const known = ZK_CODES[rc];
  if (known) return new ZkError(rc, known.code, known.status, known.message(path), /session process/.test(text) ? "process" : undefined);
  return new ZkError(rc, "ZOOKEEPER_ERROR", 502, `ZooKeeper returned error ${text}`);
}

/** The console gave up waiting for the answer (ZkClient's bound); the request may still be on its way. */
export function noAnswerInTime(path?: string): ZkError {
  return new ZkError(-7, "OPERATION_TIMEOUT", 504, ZK_CODES[-7].message(path), "timeout");
}

export function isZkCode(err: unknown, code: string): boolean {
  return err instanceof ZkError && err.code === code;
}

/** A write that failed this way may or may not have been applied: nobody answered for it. */
const OUTCOME_UNKNOWN = new Set(["CONNECTION_LOSS", "OPERATION_TIMEOUT", "SESSION_MOVED"]);

export function isOutcomeUnknown(err: unknown): err is ZkError {
  return err instanceof ZkError && OUTCOME_UNKNOWN.has(err.code);
}

/**
 * The outcome is unknown, but a read after the reconnect decides it: the C client itself failed
 * the request when it dropped the connection (connection loss, or its own time-out on a silent
 * server), so it will never send it again, and ZooKeeper rejects what the old connection may still
 * deliver once the session has moved on (SESSION_MOVED) or expired. Not so when the console gave up
 * waiting (the request may still wait in the client's queue) or the session process vanished (its
 * connection may still deliver the request).
 */
export function isDecidableByReadBack(err: unknown): err is ZkError {
  return isOutcomeUnknown(err) && !err.local;
}
