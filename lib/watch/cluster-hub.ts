// The watch hub of one cluster: one PathWatch per watched path, shared by every viewer, a
// bounded ring of recent events for resuming streams, and recovery after reconnects and
// session expiry. A failure here stays within this cluster.
import { randomBytes } from "node:crypto";
import { getCluster } from "@/lib/access/clusters";
import { sessionTargetOf } from "@/lib/access/cluster-session";
import type { ZkClient } from "@/lib/core/zk/client";
import { getClient, onSessionEvent, type SessionEvent, type SessionTarget } from "@/lib/core/zk/sessions";
import { formatStat } from "../znodes/format";
import { catchUpEvents } from "./catch-up";
import { eventId, type LiveEvent, type LiveState } from "./events";
import { PathWatch, type PathChange } from "./path-watch";
import { RingBuffer } from "./ring-buffer";
import { logger } from "@/lib/core/log";

const log = logger("watch");

export type HubOptions = {
  /** Recent events kept per cluster for resuming streams (Last-Event-ID). */
  ringSize: number;
  /** How long a path stays watched after its last viewer left (navigation re-opens streams). */
  lingerMs: number;
  /** How long a new stream waits for its paths' first reads before it starts anyway. */
  baselineTimeoutMs: number;
  /** Back-off between attempts to re-establish watches while the cluster is unreachable. */
  retryMinMs: number;
  retryMaxMs: number;
};

export type Sink = { paths: ReadonlySet<string>; deliver(event: LiveEvent): void; end(event: LiveEvent): void };

/** A stream's hold on the hub: its catch-up events once ready, and its release. */
export type Subscription = { ready: Promise<void>; catchUp(lastEventId: string | null | undefined): LiveEvent[]; close(): void };

const CONNECTION_CODES = new Set(["CONNECTION_LOSS", "SESSION_EXPIRED", "INVALID_STATE", "OPERATION_TIMEOUT", "CLUSTER_UNAVAILABLE"]);
const codeOf = (e: unknown) => (e as { code?: string })?.code ?? "";

export class ClusterHub {
  readonly instance = randomBytes(6).toString("hex");
  private seq = 0;
  private readonly ring: RingBuffer<LiveEvent>;
  private readonly watches = new Map<string, PathWatch>();
  private readonly sinks = new Set<Sink>();
  private state: LiveState = "resyncing";
  private reason: string | undefined;
  /** Watches were (or may have been) down: viewers get a resync once they are back. */
  private outage = false;
  private syncing: Promise<void> | null = null;
  private syncAgain = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private retryMs: number;
  private target: SessionTarget | null = null;
  private targetGeneration = 0;
  private readonly unlisten: () => void;
  closed = false;
  /** For tests and the benchmark: events emitted, arming calls made. */
  readonly counters = { events: 0, syncs: 0 };

  constructor(
    readonly clusterId: string,
    private readonly opts: HubOptions,
    private readonly onIdle: (hub: ClusterHub) => void,
    /** Whether any hub (a newer one of this cluster included) watches the path now. */
    private readonly watchedNow: (clusterId: string, path: string) => boolean = () => false,
  ) {
    this.ring = new RingBuffer(opts.ringSize);
    this.retryMs = opts.retryMinMs;
    this.unlisten = onSessionEvent(clusterId, (e) => this.onSession(e));
  }

  get liveState(): LiveState {
    return this.state;
  }

  /** The watch of a path, for tests and diagnostics. */
  watchOf(path: string): PathWatch | undefined {
    return this.watches.get(path);
  }

  get hasViewers(): boolean {
    return this.sinks.size > 0;
  }

  /** Live streams subscribed to this cluster now. */
  get viewerCount(): number {
    return this.sinks.size;
  }

  get watchedPaths(): string[] {
    return [...this.watches.keys()];
  }

  subscribe(paths: string[], sink: Sink): Subscription {
    const registeredAt = this.seq;
    const held = paths.map((p) => this.acquire(p));
    this.sinks.add(sink);
    let released = false;
    const baselines = Promise.all(held.map((w) => w.baseline)).then(() => undefined);
    const timeout = new Promise<void>((r) => setTimeout(r, this.opts.baselineTimeoutMs).unref());
    return {
      ready: Promise.race([baselines, timeout]),
      catchUp: (lastEventId) =>
        catchUpEvents({ instance: this.instance, clusterId: this.clusterId, ring: this.ring.toArray(), held, registeredAt, lastEventId, state: this.stateEvent() }),
      close: () => {
        if (released) return;
        released = true;
        this.sinks.delete(sink);
        held.forEach((w) => this.releaseOne(w));
      },
    };
  }

  /** A resync of everything a stream watches, labelled with the newest event id (it covers all before). */
  resyncEvent(reason: string): LiveEvent {
    return { id: eventId(this.instance, this.seq), clusterId: this.clusterId, path: null, type: "resync", reason, at: new Date().toISOString() };
  }

  /** The last event of a stream ended for good (its viewer may no longer read what it watches). */
  closedEvent(reason: string): LiveEvent {
    return { id: eventId(this.instance, this.seq), clusterId: this.clusterId, path: null, type: "closed", reason, at: new Date().toISOString() };
  }

  stateEvent(): LiveEvent {
    return { id: eventId(this.instance, this.seq), clusterId: this.clusterId, path: null, type: "state", state: this.state, reason: this.reason, at: new Date().toISOString() };
  }

  /** End every stream (the cluster was removed) and stop watching. */
  close(reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.unlisten();
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const paths = [...this.watches.keys()];
    for (const w of this.watches.values()) {
      if (w.lingerTimer) clearTimeout(w.lingerTimer);
      w.release();
    }
    this.watches.clear();
    for (const p of paths) this.unwatch(p);
    const last: LiveEvent = { ...this.stateEvent(), state: "reconnecting", reason };
    for (const s of [...this.sinks]) s.end(last);
    this.sinks.clear();
    this.onIdle(this);
  }

  // ---- paths and viewers ----

  private acquire(path: string): PathWatch {
    let w = this.watches.get(path);
    if (!w) {
      w = new PathWatch(path, this.seq, { client: () => this.client(), changed: (p, c) => this.changed(p, c), failed: (p, e) => this.failed(p, e) });
      this.watches.set(path, w);
      const watch = w;
      void watch.sync().then((ok) => (ok ? this.maybeLive() : this.needRepair()));
    }
    if (w.lingerTimer) {
      clearTimeout(w.lingerTimer);
      w.lingerTimer = null;
    }
    w.viewers++;
    return w;
  }

  private releaseOne(w: PathWatch) {
    w.viewers--;
    if (w.viewers > 0) return;
    const drop = () => {
      w.lingerTimer = null;
      if (w.viewers > 0 || this.watches.get(w.path) !== w) return;
      w.release();
      this.watches.delete(w.path);
      this.unwatch(w.path);
      if (this.watches.size === 0 && this.sinks.size === 0) this.onIdle(this);
    };
    if (this.opts.lingerMs <= 0) drop();
    else w.lingerTimer = setTimeout(drop, this.opts.lingerMs).unref();
  }

  /**
   * Remove the session's watches of a path nobody views any more: on the server (wchs no longer
   * counts them; an existence watch on a missing node would stay until the node is created) and
   * the callbacks waiting on them in this process. Checked and sent in one turn, so a watch armed
   * for a new viewer (its call sent later, answered later) is never the one removed.
   */
  private unwatch(path: string) {
    void this.client().then((client) => {
      if (this.watches.has(path) || this.watchedNow(this.clusterId, path)) return;
      return client.removeWatches(path, "any");
    }).catch(() => {
      // No session: its watches ended with it.
    });
  }

  // ---- events ----

  private emit(partial: Omit<LiveEvent, "id" | "clusterId" | "at">) {
    const event: LiveEvent = { id: eventId(this.instance, ++this.seq), clusterId: this.clusterId, at: new Date().toISOString(), ...partial };
    this.counters.events++;
    this.ring.push(event);
    for (const s of this.sinks) {
      if (event.path === null || s.paths.has(event.path)) {
        try {
          s.deliver(event);
        } catch (e) {
          log.error({ err: e, clusterId: this.clusterId }, "a live stream failed to take an event");
        }
      }
    }
  }

  private changed(path: string, change: PathChange) {
    this.emit({ path, type: change.type, stat: change.stat && formatStat(change.stat), ...("children" in change && change.children ? { children: change.children } : {}) });
  }

  private setState(state: LiveState, reason?: string) {
    if (this.state === state && this.reason === reason) return;
    this.state = state;
    this.reason = reason;
    this.emit({ path: null, type: "state", state, ...(reason ? { reason } : {}) });
  }

  // ---- the session and recovery ----

  private async client(): Promise<ZkClient> {
    // The same target as every read and write (credentials included): another one would replace
    // the session. Re-read after each session end (a new address or credentials end the old one).
    if (this.target) return getClient(this.target);
    const generation = this.targetGeneration;
    const target = await sessionTargetOf(await getCluster(this.clusterId));
    if (generation === this.targetGeneration) this.target = target;
    return getClient(target);
  }

  private onSession(e: SessionEvent) {
    if (this.closed) return;
    if (e.kind === "disconnected") {
      this.outage = true;
      this.setState("reconnecting", e.reason);
    } else if (e.kind === "ended") {
      // Every watch died with the session. The registry may hold a new address: read it again.
      this.outage = true;
      this.target = null;
      this.targetGeneration++;
      for (const w of this.watches.values()) w.lost();
      this.setState("reconnecting", e.reason);
      this.scheduleRetry(0);
    } else {
      // Same session: the client re-registered its watches and the server replays what was
      // missed; a new session has none. Either way: re-arm every watch and compare.
      if (e.newSession) for (const w of this.watches.values()) w.lost();
      this.outage = true;
      void this.syncAll();
    }
  }

  private failed(path: string, error: unknown) {
    if (this.closed) return;
    const code = codeOf(error);
    if (code === "NOT_FOUND") {
      // The cluster itself was removed from the registry.
      this.close("the cluster was removed from the console");
      return;
    }
    if (!CONNECTION_CODES.has(code)) {
      log.error({ err: error, clusterId: this.clusterId, path }, "cannot watch the path");
      return;
    }
    this.needRepair();
  }

  private needRepair() {
    if (this.closed) return;
    this.outage = true;
    if (this.state === "live") this.setState("reconnecting", "lost the connection to ZooKeeper; re-establishing watches");
    this.scheduleRetry();
  }

  private scheduleRetry(delay = this.retryMs) {
    if (this.retryTimer || this.closed) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.syncAll();
    }, delay).unref();
  }

  /** Re-arm every watch and tell viewers what changed meanwhile. Single flight; a request meanwhile runs it again. */
  private syncAll(): Promise<void> {
    if (this.syncing) {
      this.syncAgain = true;
      return this.syncing;
    }
    this.syncing = (async () => {
      try {
        do {
          this.syncAgain = false;
          await this.syncOnce();
        } while (this.syncAgain && !this.closed);
      } finally {
        this.syncing = null;
      }
    })();
    return this.syncing;
  }

  private async syncOnce() {
    if (this.closed) return;
    this.counters.syncs++;
    try {
      await this.client();
    } catch (e) {
      if (codeOf(e) === "NOT_FOUND") return this.close("the cluster was removed from the console");
      this.retryMs = Math.min(this.opts.retryMaxMs, this.retryMs * 2);
      this.setState("reconnecting", (e as Error).message);
      return this.scheduleRetry();
    }
    if (this.outage) this.setState("resyncing");
    const results = await Promise.all([...this.watches.values()].map((w) => w.sync()));
    // Every watch was re-armed in this round. One may fire and be re-arming again by now: that is
    // ordinary operation under changes, not an outage, so it does not hold the hub in "resyncing".
    if (results.every(Boolean)) this.goLive(true);
    else this.scheduleRetry();
  }

  /** A new path is armed: live, unless a resync round is running (it decides). */
  private maybeLive() {
    if (!this.syncing) this.goLive();
  }

  /** All watches are armed again: owe viewers a resync if there was an outage, then go live. */
  private goLive(afterFullSync = false) {
    if (this.closed) return;
    if (!afterFullSync && ![...this.watches.values()].every((w) => w.healthy || w.released)) {
      // Another watch is not armed yet: a repair round decides (it never stays undecided).
      if (this.state !== "live") this.scheduleRetry();
      return;
    }
    this.retryMs = this.opts.retryMinMs;
    if (this.outage) {
      this.outage = false;
      this.emit({ path: null, type: "resync", reason: "watches were re-established after a connection problem" });
    }
    this.setState("live");
  }
}
