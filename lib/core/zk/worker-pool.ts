// The session workers: a small pool of child processes (ZK_SESSION_WORKERS, default 2), each
// hosting the sessions of the clusters hashed to it. A worker that dies takes only its own
// clusters' sessions with it; the next session of such a cluster starts a new worker in its
// place. Calls and replies travel in batches (protocol.ts); one deadline wheel per worker bounds
// every call instead of a timer each.
import { fork, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { logger } from "../log";
import { consoleMetrics } from "../metrics";
import { noAnswerInTime } from "./errors";
import { batcher, failure, RC, workerGone, type FromWorker, type OpenSession, type ToWorker } from "./worker/protocol";

/** What the pool needs from a session it hosts. */
export interface HostedSession {
  readonly s: number;
  receive(m: Exclude<FromWorker, { t: "reply" }>): void;
  workerDied(reason: string): void;
}

type Pending = { s: number; resolve: (v: unknown) => void; reject: (e: Error) => void; slot: number; path?: string };

const SLOT_MS = 100;
const log = logger("zk");
/** This module's own directory: `__dirname` under tsx, vitest and Playwright's loader; `next build`
 * inlines its source location (next.config.js `env`), so `next start` finds it from any working
 * directory. (No `import.meta` here: Playwright loads this file as CommonJS and refuses it.) */
const HERE = process.env.ZK_CONSOLE_ZK_SOURCE_DIR ?? __dirname;
const BUILDER = path.resolve(HERE, "..", "..", "..", "scripts", "build-session-worker.cjs");

/**
 * The compiled worker (scripts/build-session-worker.cjs), next to its sources; (re)built first
 * when the sources are there and newer. A standalone build copied elsewhere (`.next/standalone`,
 * whose server.js runs in its own directory) has it under its working directory.
 */
export function workerScript(): string {
  if (process.env.ZK_SESSION_WORKER) return process.env.ZK_SESSION_WORKER;
  // A require webpack leaves alone: the builder is a build-time script, not part of the bundle.
  if (fs.existsSync(BUILDER)) process.getBuiltinModule("node:module").createRequire(BUILDER)(BUILDER).ensureSessionWorker();
  const candidates = [HERE, path.join(process.cwd(), "lib", "core", "zk")].map((dir) => path.join(dir, "worker", "generated", "session-worker.cjs"));
  const found = candidates.find((c) => fs.existsSync(c));
  if (!found) throw new Error(`the session worker is not built (looked for ${candidates.join(", ")}): run node scripts/build-session-worker.cjs`);
  return found;
}

/** Structured clone turns Buffers into Uint8Arrays; give callers Buffers back. */
function revive(v: unknown): unknown {
  if (v instanceof Uint8Array && !Buffer.isBuffer(v)) return Buffer.from(v.buffer, v.byteOffset, v.byteLength);
  if (v && typeof v === "object" && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    if ("data" in o) return { ...o, data: revive(o.data) };
  }
  return v;
}

export class Worker {
  private readonly child: ChildProcess;
  private readonly sessions = new Map<number, HostedSession>();
  private readonly pending = new Map<number, Pending>();
  /** Deadline wheel: call ids by the 100 ms slot their time runs out in. */
  private readonly slots = new Map<number, Set<number>>();
  private wheel: NodeJS.Timeout | null = null;
  private nextId = 1;
  private readonly post: (m: ToWorker) => void;
  dead = false;

  constructor(readonly index: number, private readonly onDead: (w: Worker) => void) {
    // execArgv [] : never inherit the parent's loaders or inspector flags (tsx, vitest, --inspect).
    this.child = fork(workerScript(), [], { serialization: "advanced", execArgv: [], stdio: ["ignore", "inherit", "inherit", "ipc"] });
    this.child.on("message", (batch: FromWorker[]) => batch.forEach((m) => this.receive(m)));
    this.child.on("exit", (code, signal) => this.died(`the session worker exited (${signal ?? `code ${code}`})`));
    this.child.on("error", (err) => log.error({ err, worker: index }, "session worker error"));
    this.post = batcher<ToWorker>((batch) => {
      if (!this.dead) this.child.send(batch, (err) => err && this.died(`the session worker is unreachable (${err.message})`));
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  open(session: HostedSession, open: OpenSession): void {
    this.sessions.set(session.s, session);
    this.post({ t: "open", s: session.s, ...open });
  }

  close(session: HostedSession): void {
    if (!this.sessions.delete(session.s)) return;
    this.post({ t: "close", s: session.s });
  }

  pause(session: HostedSession, paused: boolean): void {
    this.post({ t: "pause", s: session.s, paused });
  }

  call<T>(session: HostedSession, op: Extract<ToWorker, { t: "call" }>["op"], args: unknown[], timeoutMs: number, wid?: number, path?: string): Promise<T> {
    if (this.dead) return Promise.reject(workerGone("the session worker ended"));
    const id = this.nextId++;
    const slot = Math.ceil((Date.now() + timeoutMs) / SLOT_MS);
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { s: session.s, resolve: resolve as (v: unknown) => void, reject, slot, path });
      const ids = this.slots.get(slot) ?? new Set();
      this.slots.set(slot, ids.add(id));
      this.wheel ??= setInterval(() => this.expire(), SLOT_MS).unref();
      this.post({ t: "call", s: session.s, id, op, args, wid });
    });
  }

  /** The console stops waiting (the request may still be answered later: the answer is dropped). */
  private expire() {
    const now = Math.floor(Date.now() / SLOT_MS);
    for (const [slot, ids] of this.slots) {
      if (slot > now) continue;
      this.slots.delete(slot);
      for (const id of ids) {
        const p = this.pending.get(id);
        if (!p) continue;
        this.pending.delete(id);
        p.reject(noAnswerInTime(p.path));
      }
    }
    if (this.pending.size === 0 && this.wheel) {
      clearInterval(this.wheel);
      this.wheel = null;
    }
  }

  private settle(id: number): Pending | undefined {
    const p = this.pending.get(id);
    if (!p) return undefined;
    this.pending.delete(id);
    this.slots.get(p.slot)?.delete(id);
    return p;
  }

  private receive(m: FromWorker) {
    if (m.t === "reply") {
      const p = this.settle(m.id);
      if (!p) return;
      if (m.ok) p.resolve(revive(m.value));
      else p.reject(failure(m.rc, m.error, m.details));
      return;
    }
    const session = this.sessions.get(m.s);
    if (m.t === "state" && m.state !== "connected" && m.state !== "connecting" && session) {
      this.sessions.delete(m.s);
      this.failCalls(session, RC.SESSION_CLOSED, "session ended");
    }
    session?.receive(m);
  }

  /** Fail the calls of a session that ended: their answers may never come. */
  failCalls(session: HostedSession, rc: number, reason: string) {
    for (const [id, p] of [...this.pending]) if (p.s === session.s) this.settle(id)?.reject(failure(rc, reason));
  }

  private died(reason: string) {
    if (this.dead) return;
    this.dead = true;
    if (this.wheel) clearInterval(this.wheel);
    for (const id of [...this.pending.keys()]) this.settle(id)?.reject(workerGone(reason));
    for (const s of this.sessions.values()) s.workerDied(reason);
    this.sessions.clear();
    this.onDead(this);
  }

  /** For fault tests: the whole worker, with every session it hosts. */
  kill(signal: NodeJS.Signals) {
    this.child.kill(signal);
  }
}

type Pool = { workers: (Worker | null)[]; nextSession: number; started: Set<number> };
const pool: Pool = ((globalThis as { __zkWorkerPool?: Pool }).__zkWorkerPool ??= { workers: [], nextSession: 1, started: new Set() });
pool.started ??= new Set(); // a pool made by an older module (hot reload)

export const poolSize = () => Math.max(1, Number(process.env.ZK_SESSION_WORKERS) || 2);

/** Which worker hosts a cluster: a stable hash of its id over the pool. */
export const workerIndexOf = (clusterId: string) => createHash("sha256").update(clusterId).digest().readUInt32BE(0) % poolSize();

/** The live worker for a cluster, started (again) when there is none. */
export function workerFor(clusterId: string): Worker {
  const index = workerIndexOf(clusterId);
  const current = pool.workers[index];
  if (current && !current.dead) return current;
  // A worker at this index ran before and ended (crashed, killed): this start is a restart.
  if (pool.started.has(index)) consoleMetrics().workerRestarts.inc({ worker: String(index) });
  pool.started.add(index);
  const worker = new Worker(index, (w) => {
    if (pool.workers[index] === w) pool.workers[index] = null;
  });
  pool.workers[index] = worker;
  return worker;
}

export const nextSessionNumber = () => pool.nextSession++;
