// The console's side of one cluster's session, hosted by a pooled session worker
// (worker-pool.ts): open it there, send calls, route watch events back, notice when it ends or
// its worker dies. Failures come back as the binding's numeric codes ("<rc> <name>" errors);
// ZkClient types them (with the path).
import { writeSessionFiles, type SaslOptions, type SessionFiles, type TlsOptions } from "./session-files";
import { nextSessionNumber, workerFor, type HostedSession, type Worker } from "./worker-pool";
import { RC, failure, workerGone, type FromWorker, type OpName, type SessionState, type WatchEvent } from "./worker/protocol";

export type WorkerState = SessionState | "crashed";
export type StateEvent = { state: WorkerState; sessionId?: string; password?: string; reason?: string };
export type { WatchEvent };

export class PooledSession implements HostedSession {
  readonly s = nextSessionNumber();
  private readonly worker: Worker;
  private readonly watches = new Map<number, (e: WatchEvent) => void>();
  private readonly files: SessionFiles;
  private nextWid = 1;
  /** Set when the session ended: how calls made after that fail. */
  private ended: (() => Error) | null = null;

  constructor(
    readonly label: string,
    opts: { connect: string; timeoutMs: number; auth: { scheme: string; credential: string }[]; tls?: TlsOptions; sasl?: SaslOptions; ordered?: boolean },
    private readonly onState: (e: StateEvent) => void,
  ) {
    const { tls, sasl, ...plain } = opts;
    this.files = writeSessionFiles(tls, sasl);
    this.worker = workerFor(label);
    this.worker.open(this, { ...plain, tls: this.files.tls, sasl: this.files.sasl });
  }

  get alive(): boolean {
    return !this.ended;
  }

  /** The worker hosting this session (the clusters it hosts share its fate). */
  get workerIndex(): number {
    return this.worker.index;
  }

  get workerPid(): number | undefined {
    return this.worker.pid;
  }

  call<T>(op: OpName, args: unknown[], timeoutMs: number, path?: string, onWatch?: (e: WatchEvent) => void): Promise<T> {
    if (this.ended) return Promise.reject(this.ended());
    const wid = onWatch ? this.nextWid++ : undefined;
    if (wid !== undefined) this.watches.set(wid, onWatch!);
    return this.worker.call<T>(this, op, args, timeoutMs, wid, path).catch((e) => {
      if (wid !== undefined) this.watches.delete(wid);
      throw e;
    });
  }

  /** Forget a watch the caller no longer wants (the ZooKeeper watch itself fires once and is gone). */
  dropWatch(wid: number) {
    this.watches.delete(wid);
  }

  /** End the session; the worker closes it after answering what is in flight. */
  close() {
    if (this.ended) return;
    this.end(() => failure(RC.SESSION_CLOSED, "session closed"));
    this.worker.failCalls(this, RC.SESSION_CLOSED, "session closed");
    this.worker.close(this);
  }

  /**
   * For fault tests. SIGSTOP/SIGCONT freeze and thaw this session alone (its worker stops serving
   * it, as if a process of its own were stopped); any other signal goes to the worker process,
   * like a crash, and ends every session it hosts.
   */
  kill(signal: NodeJS.Signals = "SIGKILL") {
    if (signal === "SIGSTOP" || signal === "SIGCONT") this.worker.pause(this, signal === "SIGSTOP");
    else this.worker.kill(signal);
  }

  receive(m: Exclude<FromWorker, { t: "reply" }>): void {
    if (m.t === "watch") {
      for (const wid of m.wids) {
        const cb = this.watches.get(wid);
        this.watches.delete(wid);
        cb?.(m.event);
      }
      return;
    }
    if (m.state !== "connected" && m.state !== "connecting") this.end(() => failure(RC.SESSION_CLOSED, `session ${m.state}`));
    this.onState({ state: m.state, sessionId: m.sessionId, password: m.password, reason: m.reason });
  }

  workerDied(reason: string): void {
    if (this.ended) return;
    this.end(() => workerGone(reason));
    this.onState({ state: "crashed", reason });
  }

  private end(failed: () => Error) {
    this.ended = failed;
    this.watches.clear();
    this.files.remove();
  }
}
