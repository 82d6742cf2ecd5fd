// The promise API over one native ZooKeeper handle. The only file that touches
// the `zookeeper` package's call surface; everything returns typed errors.
import type ZooKeeperType from "zookeeper";
import { toZkError } from "./errors";

export type RawStat = {
  czxid: number; mzxid: number; pzxid: number; ctime: number; mtime: number;
  version: number; cversion: number; aversion: number; ephemeralOwner: string;
  dataLength: number; numChildren: number;
};
export type AclEntry = { perms: number; scheme: string; auth: string };

export type ZkHandle = InstanceType<typeof ZooKeeperType>;

/** Bound every call: the C client reports loss only after its own timeout, a request must not hang longer. */
function bounded<T>(p: Promise<T>, ms: number, path?: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(toZkError(new Error("-7 operation timeout"), path)), ms);
  });
  return Promise.race([p, timeout])
    .catch((e) => { throw toZkError(e, path); })
    .finally(() => clearTimeout(timer));
}

export class ZkClient {
  constructor(private readonly zk: ZkHandle, private readonly callTimeoutMs: number) {}

  async get(path: string): Promise<{ stat: RawStat; data: Buffer }> {
    const [stat, data] = (await bounded(this.zk.get(path, false), this.callTimeoutMs, path)) as [RawStat, Buffer | null];
    return { stat, data: data ?? Buffer.alloc(0) };
  }

  async exists(path: string): Promise<RawStat | null> {
    try {
      return (await bounded(this.zk.exists(path, false), this.callTimeoutMs, path)) as RawStat;
    } catch (e) {
      if ((e as { code?: string }).code === "NO_NODE") return null;
      throw e;
    }
  }

  async children(path: string): Promise<{ children: string[]; stat: RawStat }> {
    const [children, stat] = (await bounded(this.zk.get_children2(path, false), this.callTimeoutMs, path)) as [string[], RawStat];
    return { children, stat };
  }

  async getAcl(path: string): Promise<{ acl: AclEntry[]; stat: RawStat }> {
    const [acl, stat] = (await bounded(this.zk.get_acl(path), this.callTimeoutMs, path)) as unknown as [AclEntry[], RawStat];
    return { acl, stat };
  }

  async create(path: string, data: Buffer, flags: number, ttl?: number): Promise<string> {
    return (await bounded(this.zk.create(path, data, flags, ttl), this.callTimeoutMs, path)) as string;
  }

  /** `version` is mandatory: the binding turns an omitted version into 0, not -1. */
  async set(path: string, data: Buffer, version: number): Promise<RawStat> {
    return (await bounded(this.zk.set(path, data, version), this.callTimeoutMs, path)) as RawStat;
  }

  async delete(path: string, version: number): Promise<void> {
    await bounded(this.zk.delete_(path, version), this.callTimeoutMs, path);
  }

  async setAcl(path: string, version: number, acl: AclEntry[]): Promise<void> {
    await bounded(this.zk.set_acl(path, version, acl), this.callTimeoutMs, path);
  }
}
