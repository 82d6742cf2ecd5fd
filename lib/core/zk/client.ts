// The promise API over one cluster's session. Every call runs in that cluster's session
// process (lib/core/zk/session-process.ts), is bounded in time, and fails with typed errors.
import { noAnswerInTime, toZkError } from "./errors";
import type { SessionProcess, WatchEvent } from "./session-process";

export type RawStat = {
  czxid: number; mzxid: number; pzxid: number; ctime: number; mtime: number;
  version: number; cversion: number; aversion: number; ephemeralOwner: string;
  dataLength: number; numChildren: number;
};
export type AclEntry = { perms: number; scheme: string; auth: string };
export type { WatchEvent };

/** Bound every call: the C client reports loss only after its own timeout, a request must not hang longer. */
function bounded<T>(p: Promise<T>, ms: number, path?: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(noAnswerInTime(path)), ms);
  });
  return Promise.race([p, timeout])
    .catch((e) => { throw toZkError(e, path); })
    .finally(() => clearTimeout(timer));
}

export class ZkClient {
  constructor(private readonly session: SessionProcess, private readonly callTimeoutMs: number) {}

  private run<T>(op: string, args: unknown[], path?: string, onWatch?: (e: WatchEvent) => void): Promise<T> {
    return bounded(this.session.call<T>(op, args, onWatch), this.callTimeoutMs, path);
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
