// The one message protocol between the console (lib/core/zk/worker-pool.ts) and its session
// workers (session-worker.ts): both sides import these types. Messages travel in batches (an
// array per IPC message) with Node's "advanced" serialization, so Buffers cross as bytes.
import type { WorkerSasl, WorkerTls } from "../session-files";

/** Worker-side failures, numeric like the C client's own return codes (which pass through as is). */
export const RC = {
  /** ZINVALIDSTATE: the session is closed, expired or not open in this worker. */
  SESSION_CLOSED: -9,
  /** ZBADARGUMENTS: unknown operation or arguments the binding refused. */
  BAD_ARGUMENTS: -8,
  /** ZCONNECTIONLOSS: the worker process ended or could not be reached. */
  PROCESS_GONE: -4,
  /** ZSESSIONCLOSEDREQUIRESASLAUTH: the server enforces SASL and the session has none. */
  SASL_REQUIRED: -124,
  /** ZNOWATCHER (not among the binding's exported constants). */
  NO_WATCHER: -121,
  NO_NODE: -101,
} as const;

export type SessionState = "connected" | "connecting" | "expired" | "auth_failed" | "tls_failed" | "closed";
export type WatchEvent = { type: "created" | "deleted" | "changed" | "children"; path: string };
export type WatchKind = "data" | "child" | "any";
export type OpName =
  | "get" | "getW" | "exists" | "existsW" | "children" | "childrenW" | "getAcl" | "create" | "set" | "delete"
  | "setAcl" | "multi" | "removeWatches" | "addAuth" | "sync" | "getConfig" | "reconfig";

export type OpenSession = {
  connect: string;
  timeoutMs: number;
  auth: { scheme: string; credential: string }[];
  tls?: WorkerTls;
  sasl?: WorkerSasl;
  /** Try the hosts in the order given (the answering ones first: host-probe.ts), not shuffled. */
  ordered?: boolean;
};

/** Console → worker. `s` names a session within the worker. */
export type ToWorker =
  | ({ t: "open"; s: number } & OpenSession)
  | { t: "call"; s: number; id: number; op: OpName; args: unknown[]; wid?: number }
  | { t: "close"; s: number }
  /** Test support: serve the session no more (no reads, pings or calls) or again, as if its process were stopped. */
  | { t: "pause"; s: number; paused: boolean };

/** Worker → console. */
export type FromWorker =
  | { t: "state"; s: number; state: SessionState; sessionId?: string; password?: string; reason?: string }
  | { t: "reply"; id: number; ok: true; value?: unknown }
  | { t: "reply"; id: number; ok: false; rc: number; error: string; details?: { codes?: number[] } }
  | { t: "watch"; s: number; wids: number[]; event: WatchEvent };

/**
 * A failed call: the code and the binding's name for it ("<rc> <name>", as the rest of the console
 * expects), the per-op codes of a multi, and `local: "process"` when the console decided it because
 * the worker process ended or could not be reached (not a ZooKeeper answer).
 */
export type WorkerFailure = Error & { rc: number; details?: { codes?: number[] }; local?: "process" };

export const failure = (rc: number, error: string, details?: { codes?: number[] }, local?: "process"): WorkerFailure =>
  Object.assign(new Error(`${rc} ${error}`), { rc, details, local });

/** The worker hosting a session ended or is unreachable: its calls' outcomes are unknown. */
export const workerGone = (reason: string): WorkerFailure => failure(RC.PROCESS_GONE, reason, undefined, "process");

/** Collects messages and sends them as one batch once the current turn of the event loop is done. */
export function batcher<M>(send: (batch: M[]) => void): (m: M) => void {
  let queue: M[] = [];
  return (m) => {
    queue.push(m);
    if (queue.length > 1) return;
    setImmediate(() => {
      const batch = queue;
      queue = [];
      send(batch);
    });
  };
}
