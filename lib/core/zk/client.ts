// The promise API over one cluster's session. Every call runs in the session worker hosting that
// cluster (lib/core/zk/worker-pool.ts), is bounded in time by the worker's deadline wheel, and
// fails with typed errors.
import { asReadFailure, multiFailed, toZkError } from "./errors";
import type { PooledSession, WatchEvent } from "./pooled-session";
import type { OpName } from "./worker/protocol";

export type RawStat = {
  czxid: number; mzxid: number; pzxid: number; ctime: number; mtime: number;
  version: number; cversion: number; aversion: number; ephemeralOwner: string;
  dataLength: number; numChildren: number;
};
export type AclEntry = { perms: number; scheme: string; auth: string };
export type { WatchEvent };

/** One operation of an atomic multi(); versions are mandatory (the one the caller saw, -1: any). */
export type MultiOp =
  | { op: "create"; path: string; data?: Buffer | null; flags?: number; ttl?: number; acl?: AclEntry[] }
  | { op: "set"; path: string; data: Buffer; version: number }
  | { op: "delete"; path: string; version: number }
  | { op: "check"; path: string; version: number };
/** Per op, in order: the created path (sequential names included) or the new Stat. */
export type MultiResult = { op: "create"; path: string } | { op: "set"; stat: RawStat } | { op: "delete" } | { op: "check" };
export type WatchKind = "data" | "child" | "any";

/** Calls that change nothing: a lost connection is an outage for them, never an unknown outcome. */
const READS = new Set<OpName>(["get", "exists", "children", "getAcl", "getW", "childrenW", "existsW", "getConfig", "sync"]);

export class ZkClient {
  /** `callTimeoutMs`: the C client reports loss only after its own timeout, a request must not wait longer. */
  constructor(private readonly session: PooledSession, private readonly callTimeoutMs: number) {}

  private run<T>(op: OpName, args: unknown[], path?: string, onWatch?: (e: WatchEvent) => void, typed: (e: unknown) => Error = (e) => toZkError(e, path)): Promise<T> {
    return this.session.call<T>(op, args, this.callTimeoutMs, path, onWatch).catch((e) => {
      const err = typed(e);
      throw READS.has(op) ? asReadFailure(err) : err;
    });
  }

  async get(path: string): Promise<{ stat: RawStat; data: Buffer }> {
    const r = await this.run<{ stat: RawStat; data: Buffer | null }>("get", [path], path);
    return { stat: r.stat, data: r.data ?? Buffer.alloc(0) };
  }

  async exists(path: string): Promise<RawStat | null> {
    try {
      return await this.run<RawStat>("exists", [path], path);
    } catch (e) {
      if ((e as { code?: string }).code === "NO_NODE") return null;
      throw e;
    }
  }

  children(path: string): Promise<{ children: string[]; stat: RawStat }> {
    return this.run("children", [path], path);
  }

  getAcl(path: string): Promise<{ acl: AclEntry[]; stat: RawStat }> {
    return this.run("getAcl", [path], path);
  }

  create(path: string, data: Buffer, flags: number, ttl?: number): Promise<string> {
    return this.run("create", [path, data, flags, ttl], path);
  }

  /** `version` is mandatory: the binding turns an omitted version into 0, not -1. */
  set(path: string, data: Buffer, version: number): Promise<RawStat> {
    return this.run("set", [path, data, version], path);
  }

  async delete(path: string, version: number): Promise<void> {
    await this.run("delete", [path, version], path);
  }

  async setAcl(path: string, version: number, acl: AclEntry[]): Promise<void> {
    await this.run("setAcl", [path, version, acl], path);
  }

  // ---- one-shot watches: `onEvent` is called at most once, for a node event ----

  async getWatched(path: string, onEvent: (e: WatchEvent) => void): Promise<{ stat: RawStat; data: Buffer }> {
    const r = await this.run<{ stat: RawStat; data: Buffer | null }>("getW", [path], path, onEvent);
    return { stat: r.stat, data: r.data ?? Buffer.alloc(0) };
  }

  childrenWatched(path: string, onEvent: (e: WatchEvent) => void): Promise<{ children: string[]; stat: RawStat }> {
    return this.run("childrenW", [path], path, onEvent);
  }

  /** Watches a path whether or not it exists (the watch fires when it is created). */
  async existsWatched(path: string, onEvent: (e: WatchEvent) => void): Promise<RawStat | null> {
    try {
      return await this.run<RawStat>("existsW", [path], path, onEvent);
    } catch (e) {
      if ((e as { code?: string }).code === "NO_NODE") return null;
      throw e;
    }
  }

  /**
   * All of `ops` or none: a failing op (stale version, missing parent, existing node) fails the
   * whole multi with a ZkMultiError naming it (index, op, path, code), and nothing is applied.
   */
  async multi(ops: MultiOp[]): Promise<MultiResult[]> {
    if (ops.length === 0) return [];
    const results = await this.run<{ path?: string; stat?: RawStat }[]>("multi", [ops], ops[0].path, undefined, (e) => multiFailed(e, ops));
    return ops.map((o, i): MultiResult => (o.op === "create" ? { op: "create", path: results[i].path ?? o.path } : o.op === "set" ? { op: "set", stat: results[i].stat! } : { op: o.op }));
  }

  /**
   * Remove this session's watch of `kind` on `path` on the server (wchs no longer counts it);
   * callers waiting on it are never called. False when the session had no such watch.
   */
  async removeWatches(path: string, kind: WatchKind): Promise<boolean> {
    const { removed, wids } = await this.run<{ removed: boolean; wids: number[] }>("removeWatches", [path, kind], path);
    for (const wid of wids) this.session.dropWatch(wid);
    return removed;
  }

  // ---- session and ensemble ----

  async addAuth(scheme: string, credential: string): Promise<void> {
    await this.run("addAuth", [scheme, credential]);
  }

  async sync(path: string): Promise<void> {
    await this.run("sync", [path], path);
  }

  /** The ensemble's dynamic configuration (/zookeeper/config) and its Stat. */
  getConfig(): Promise<{ data: Buffer; stat: RawStat }> {
    return this.run("getConfig", [], "/zookeeper/config");
  }

  /**
   * Incremental (`joining`/`leaving`, comma-separated) or bulk (`members`) reconfiguration;
   * `fromConfig` is the config version the change was planned against (-1: any).
   */
  reconfig(change: { joining?: string; leaving?: string; members?: string; fromConfig?: number }): Promise<{ data: Buffer; stat: RawStat }> {
    return this.run("reconfig", [change.joining ?? null, change.leaving ?? null, change.members ?? null, change.fromConfig ?? -1], "/zookeeper/config");
  }
}
