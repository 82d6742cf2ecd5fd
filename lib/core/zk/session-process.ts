// The parent's side of one session worker (lib/core/zk/worker/session-worker.cjs): fork it,
// send calls, route replies and watch events back, notice when it dies. Failures come back
// as the binding's "<rc> <name>" errors; ZkClient types them (with the path).
import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import { logger } from "../log";
import { writeSessionFiles, type SaslOptions, type SessionFiles, type TlsOptions } from "./session-files";

const log = logger("zk");

export type WorkerState = "connected" | "connecting" | "expired" | "auth_failed" | "tls_failed" | "closed" | "crashed";
export type StateEvent = { state: WorkerState; sessionId?: string; password?: string; reason?: string };
export type WatchEvent = { type: "created" | "deleted" | "changed" | "children"; path: string };

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };
type Message =
  | { t: "state"; state: WorkerState; sessionId?: string; password?: string; code?: number; reason?: string }
  | { t: "reply"; id: number; ok: boolean; value?: unknown; error?: string; details?: Record<string, unknown> }
  | { t: "watch"; wids: number[]; event: WatchEvent };

const WORKER = process.env.ZK_SESSION_WORKER ?? path.join(process.cwd(), "lib", "core", "zk", "worker", "session-worker.cjs");

/** Structured clone turns Buffers into Uint8Arrays; give callers Buffers back. */
function revive(v: unknown): unknown {
  if (v instanceof Uint8Array && !Buffer.isBuffer(v)) return Buffer.from(v.buffer, v.byteOffset, v.byteLength);
  if (v && typeof v === "object" && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    if ("data" in o) return { ...o, data: revive(o.data) };
  }
  return v;
}

export class SessionProcess {
  private readonly child: ChildProcess;
  private readonly pending = new Map<number, Pending>();
  private readonly watches = new Map<number, (e: WatchEvent) => void>();
  private nextId = 1;
  private dead = false;
  private readonly files: SessionFiles;

  constructor(
    readonly label: string,
    opts: { connect: string; timeoutMs: number; auth: { scheme: string; credential: string }[]; tls?: TlsOptions; sasl?: SaslOptions },
    private readonly onState: (e: StateEvent) => void,
  ) {
    const { tls, sasl, ...plain } = opts;
    this.files = writeSessionFiles(tls, sasl);
    // execArgv [] : never inherit the parent's loaders or inspector flags (tsx, vitest, --inspect).
    this.child = fork(WORKER, [], { serialization: "advanced", execArgv: [], stdio: ["ignore", "inherit", "inherit", "ipc"] });
    this.child.on("message", (m: Message) => this.receive(m));
    this.child.on("exit", (code, signal) => this.died(code, signal));
    this.child.on("error", (e) => log.error({ err: e, cluster: label }, "session process error"));
    this.child.send({ t: "open", ...plain, tls: this.files.tls, sasl: this.files.sasl });
  }

  get alive(): boolean {
    return !this.dead;
  }

  call<T>(op: string, args: unknown[], onWatch?: (e: WatchEvent) => void): Promise<T> {
    if (this.dead) return Promise.reject(new Error("-9 session process ended"));
    const id = this.nextId++;
    const wid = onWatch ? id : undefined;
    if (onWatch) this.watches.set(id, onWatch);
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.child.send({ t: "call", id, op, args, wid }, (err) => {
        if (err && this.pending.delete(id)) reject(new Error("-4 session process unreachable"));
      });
    });
  }

  /** Forget a watch the caller no longer wants (the ZooKeeper watch itself fires once and is gone). */
  dropWatch(wid: number) {
    this.watches.delete(wid);
  }

  /** End the session. close() blocks the worker for seconds, never us; kill it if it hangs. */
  close() {
    if (this.dead) return;
    this.dead = true;
    this.failPending("-9 session closed");
    this.child.send({ t: "close" }, () => {});
    const timer = setTimeout(() => this.child.kill("SIGKILL"), 10_000);
    timer.unref();
    this.child.once("exit", () => clearTimeout(timer));
  }

  /** For fault tests: the worker vanishes as in a crash. */
  kill(signal: NodeJS.Signals = "SIGKILL") {
    this.child.kill(signal);
  }

  private receive(m: Message) {
    if (m.t === "reply") {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.ok) p.resolve(revive(m.value));
      else {
        this.watches.delete(m.id);
        p.reject(Object.assign(new Error(m.error), { details: m.details }));
      }
    } else if (m.t === "watch") {
      for (const wid of m.wids) {
        const cb = this.watches.get(wid);
        this.watches.delete(wid);
        cb?.(m.event);
      }
    } else if (m.t === "state") {
      if (m.state !== "connected" && m.state !== "connecting") this.dead = true;
      if (this.dead) this.failPending("-9 session ended");
      this.onState({ state: m.state, sessionId: m.sessionId, password: m.password, reason: m.reason });
    }
  }

  private died(code: number | null, signal: NodeJS.Signals | null) {
    this.files.remove();
    const wasDead = this.dead;
    this.dead = true;
    this.failPending("-4 session process exited");
    this.watches.clear();
    if (!wasDead) this.onState({ state: "crashed", reason: `the session process exited (${signal ?? `code ${code}`})` });
  }

  private failPending(error: string) {
    for (const p of this.pending.values()) p.reject(new Error(error));
    this.pending.clear();
  }
}
