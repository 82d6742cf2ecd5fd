// ZooKeeper errors arrive from the native binding as Error("<rc> <name>") with
// no code field; this is the one place that turns them into typed domain errors.
import { ConsoleError, errors, UNKNOWN_ZK_ERROR, ZK_ERRORS } from "../errors";

export class ZkError extends ConsoleError {
  constructor(
    readonly rc: number,
    code: string,
    status: number,
    message: string,
    /**
     * Decided in the console, not by the ZooKeeper client: the session worker vanished or could
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
  const known = ZK_ERRORS[rc];
  if (known) return new ZkError(rc, known.code, known.status, known.message(path), (err as { local?: "process" }).local);
  return new ZkError(rc, UNKNOWN_ZK_ERROR.code, UNKNOWN_ZK_ERROR.status, UNKNOWN_ZK_ERROR.message(text));
}

/** A multi() that failed as a whole: which op failed and why; none of them was applied. */
export class ZkMultiError extends ZkError {
  constructor(
    rc: number,
    code: string,
    status: number,
    message: string,
    readonly index: number,
    readonly op: { op: string; path: string },
    /** Every op's code (OK for those that would have succeeded). */
    readonly codes: string[],
  ) {
    super(rc, code, status, message);
  }
}

const codeName = (rc: number) => (rc === 0 ? "OK" : rc === -2 ? "ROLLED_BACK" : ZK_ERRORS[rc]?.code ?? `${UNKNOWN_ZK_ERROR.code}_${-rc}`);

/**
 * The typed error of a failed multi: the server reports every op's code – the failing one, OK
 * before it and ROLLED_BACK (runtime inconsistency) after it. Without per-op codes (connection
 * loss, time-out) the outcome is the session's error as for any write.
 */
export function multiFailed(err: unknown, ops: { op: string; path: string }[]): Error {
  const base = toZkError(err, ops[0]?.path);
  const rcs = (err as { details?: { codes?: number[] } }).details?.codes;
  const index = rcs?.findIndex((rc) => rc !== 0 && rc !== -2) ?? -1;
  if (!(base instanceof ZkError) || !rcs || index < 0) return base;
  const rc = rcs[index];
  const op = ops[index];
  const known = ZK_ERRORS[rc] ?? { ...UNKNOWN_ZK_ERROR, message: () => UNKNOWN_ZK_ERROR.message(String(rc)) };
  return new ZkMultiError(rc, known.code, known.status,
    `operation ${index + 1} of ${ops.length} (${op.op} ${op.path}) failed, so none was applied: ${known.message(op.path)}`, index, { op: op.op, path: op.path }, rcs.map(codeName));
}

/**
 * A session refused for good before it was established: TLS (untrusted CA, refused or expired
 * certificate, host name mismatch) or authentication (wrong password, no Kerberos ticket).
 * A new session would be refused the same way until the cluster's settings change.
 */
export function sessionRefused(state: "tls_failed" | "auth_failed", reason?: string): ZkError {
  const rc = state === "tls_failed" ? -15 : -115;
  const known = ZK_ERRORS[rc];
  return new ZkError(rc, known.code, known.status, reason ? `${known.message()}: ${reason}` : `${known.message()}; check the cluster's credentials`);
}

/** The console gave up waiting for the answer (ZkClient's bound); the request may still be on its way. */
export function noAnswerInTime(path?: string): ZkError {
  const t = ZK_ERRORS[-7];
  return new ZkError(-7, t.code, t.status, t.message(path), "timeout");
}

export function isZkCode(err: unknown, code: string): boolean {
  return err instanceof ZkError && err.code === code;
}

/** A write that failed this way may or may not have been applied: nobody answered for it (by
 * return code: a read's connection loss is reported as CLUSTER_UNAVAILABLE, and still retried). */
const OUTCOME_UNKNOWN = new Set([-4, -7, -118]); // CONNECTION_LOSS, OPERATION_TIMEOUT, SESSION_MOVED

export function isOutcomeUnknown(err: unknown): err is ZkError {
  return err instanceof ZkError && OUTCOME_UNKNOWN.has(err.rc);
}

/**
 * A read that lost its connection is what every later request of the outage answers (the session
 * layer's CLUSTER_UNAVAILABLE), not CONNECTION_LOSS with a write's "may have been applied": one
 * code for an outage. The return code stays, so callers that retry reads still recognise it.
 */
export function asReadFailure(err: Error): Error {
  if (!(err instanceof ZkError) || err.rc !== -4) return err;
  const unavailable = errors.readConnectionLost();
  return new ZkError(err.rc, unavailable.code, unavailable.status, unavailable.message, err.local);
}

/**
 * The outcome is unknown, but a read after the reconnect decides it: the C client itself failed
 * the request when it dropped the connection (connection loss, or its own time-out on a silent
 * server), so it will never send it again, and ZooKeeper rejects what the old connection may still
 * deliver once the session has moved on (SESSION_MOVED) or expired. Not so when the console gave up
 * waiting (the request may still wait in the client's queue) or the session worker vanished (its
 * connection may still deliver the request).
 */
export function isDecidableByReadBack(err: unknown): err is ZkError {
  return isOutcomeUnknown(err) && !err.local;
}
