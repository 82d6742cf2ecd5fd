// One watched znode: exactly one ZooKeeper data watch (exists, so a missing node is watched
// for its creation) and one child watch, however many viewers look at it. Every watch event
// only triggers a re-read; what viewers are told comes from comparing that read with what they
// were told last (czxid, mzxid, pzxid, child names), so a change that happened while no watch
// was armed (between events, during a reconnect, after a session expiry) is never lost.
import type { RawStat, ZkClient } from "@/lib/core/zk/client";
import { WatchSlot } from "./watch-slot";

/** Above this many children only the count is kept: a diff would not be cheap. */
const MAX_TRACKED_CHILDREN = 20_000;
/** Events name at most this many added/removed children. */
const MAX_DIFF_NAMES = 100;

export type PathChange =
  | { type: "created" | "dataChanged"; stat: RawStat }
  | { type: "deleted"; stat: null }
  | { type: "childrenChanged"; stat: RawStat; children?: { added: string[]; removed: string[] } };

export type WatchHost = {
  client(): Promise<ZkClient>;
  changed(path: string, change: PathChange): void;
  /** A read or arming call failed; connection problems make the hub repair every watch later. */
  failed(path: string, error: unknown): void;
};

type ChildrenTold = { pzxid: number | null; names: Set<string> | null; count: number };

const codeOf = (e: unknown) => (e as { code?: string })?.code;

export class PathWatch {
  viewers = 0;
  released = false;
  lingerTimer: NodeJS.Timeout | null = null;
  /** The newest Stat read, from either watch; null when the node does not exist. */
  latest: RawStat | null | undefined = undefined;
  /** Resolves once the first sync armed both watches (or failed). */
  readonly baseline: Promise<void>;
  private baselineDone!: () => void;
  private readonly data = new WatchSlot();
  private readonly kids = new WatchSlot();
  /** What viewers were told: undefined before the first read, null for a missing node. */
  private dataTold: { czxid: number; mzxid: number } | null | undefined = undefined;
  private kidsTold: ChildrenTold | undefined = undefined;
  /** Set after NO_AUTH on the child list: ZooKeeper will not let this session list them. */
  private kidsForbidden = false;

  constructor(readonly path: string, readonly since: number, private readonly host: WatchHost) {
    this.baseline = new Promise((resolve) => (this.baselineDone = resolve));
  }

  get armed(): { data: boolean; children: boolean } {
    return { data: this.data.armed, children: this.kids.armed };
  }

  /** Both watches that should be armed are armed. */
  get healthy(): boolean {
    return this.data.armed && (this.kids.armed || this.dataTold === null || this.kidsForbidden);
  }

  /** (Re-)arm both watches and compare with what viewers were told. False after a connection failure. */
  async sync(): Promise<boolean> {
    try {
      await this.armData();
      if (this.dataTold) await this.armChildren();
      return this.healthy;
    } finally {
      this.baselineDone();
    }
  }

  /** The session is gone, and every watch with it. */
  lost(): void {
    this.data.drop();
    this.kids.drop();
  }

  release(): void {
    this.released = true;
    this.lost();
    this.baselineDone();
  }

  private armData(): Promise<void> {
    return this.data.run(async (token) => {
      let fired = false;
      try {
        const client = await this.host.client();
        const stat = await client.existsWatched(this.path, () => {
          fired = true;
          if (token === this.data.token && !this.released) {
            this.data.armed = false;
            void this.armData();
          }
        });
        if (this.released) return;
        if (token === this.data.token && !fired) this.data.armed = true;
        this.applyData(stat);
      } catch (e) {
        if (token === this.data.token) this.data.armed = false;
        this.host.failed(this.path, e);
      }
    }, () => this.released);
  }

  private armChildren(): Promise<void> {
    return this.kids.run(async (token) => {
      let fired = false;
      try {
        const client = await this.host.client();
        const { children, stat } = await client.childrenWatched(this.path, () => {
          fired = true;
          if (token === this.kids.token && !this.released) {
            this.kids.armed = false;
            void this.armChildren();
          }
        });
        if (this.released) return;
        if (token === this.kids.token && !fired) this.kids.armed = true;
        this.kidsForbidden = false;
        this.applyChildren(children, stat);
      } catch (e) {
        if (token === this.kids.token) this.kids.armed = false;
        // Gone meanwhile: the data watch reports the deletion (and a later creation).
        if (codeOf(e) === "NO_NODE") return;
        if (codeOf(e) === "NO_AUTH") this.kidsForbidden = true;
        this.host.failed(this.path, e);
      }
    }, () => this.released);
  }

  private applyData(stat: RawStat | null) {
    const prev = this.dataTold;
    this.latest = stat;
    this.dataTold = stat && { czxid: stat.czxid, mzxid: stat.mzxid };
    if (prev === undefined) {
      // First read. A missing node has no children; a new one starts from none.
      if (!stat) this.kidsTold = { pzxid: null, names: new Set(), count: 0 };
      return;
    }
    if (!prev && stat) this.created(stat);
    else if (prev && !stat) this.deleted();
    else if (prev && stat && stat.czxid !== prev.czxid) {
      // Deleted and created again between two reads.
      this.deleted();
      this.created(stat);
    } else if (prev && stat && stat.mzxid !== prev.mzxid) {
      this.host.changed(this.path, { type: "dataChanged", stat });
    }
  }

  private created(stat: RawStat) {
    this.kidsTold = { pzxid: null, names: new Set(), count: 0 };
    this.host.changed(this.path, { type: "created", stat });
    if (!this.kids.armed) void this.armChildren();
  }

  private deleted() {
    this.kids.drop();
    this.kidsTold = { pzxid: null, names: new Set(), count: 0 };
    this.host.changed(this.path, { type: "deleted", stat: null });
  }

  private applyChildren(names: string[], stat: RawStat) {
    const prev = this.kidsTold;
    this.latest = stat;
    const tracked = names.length <= MAX_TRACKED_CHILDREN ? new Set(names) : null;
    this.kidsTold = { pzxid: stat.pzxid, names: tracked, count: names.length };
    if (prev === undefined) return;
    let diff: { added: string[]; removed: string[] } | undefined;
    let differs = prev.pzxid !== null && prev.pzxid !== stat.pzxid;
    if (prev.names && tracked) {
      const added = names.filter((n) => !prev.names!.has(n));
      const removed = [...prev.names].filter((n) => !tracked.has(n));
      differs ||= added.length > 0 || removed.length > 0;
      if (added.length <= MAX_DIFF_NAMES && removed.length <= MAX_DIFF_NAMES) diff = { added: added.sort(), removed: removed.sort() };
    } else {
      differs ||= prev.count !== names.length;
    }
    if (differs) this.host.changed(this.path, { type: "childrenChanged", stat, children: diff });
  }
}
