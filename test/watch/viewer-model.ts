// Test support for the watch hub: server-side watch counts and a viewer that mirrors what a
// browser shows by applying events (and refetching on resync, as the browser does).
import { fourLetterWord } from "../../lib/core/zk/four-letter";
import type { MemberSpec } from "../../lib/ensemble/config";
import type { ZkClient } from "../../lib/core/zk/client";
import type { LiveEvent } from "../../lib/watch/events";

/** `wchc`: the data-watch paths of each session (0x-prefixed id → paths, duplicates kept). */
export async function dataWatchesBySession(member: MemberSpec): Promise<Map<string, string[]>> {
  const text = await fourLetterWord(member.host, member.clientPort, "wchc");
  const out = new Map<string, string[]>();
  let current: string[] | null = null;
  for (const line of text.split("\n")) {
    if (/^0x[0-9a-f]+$/.test(line.trim()) && !line.startsWith("\t")) {
      current = out.get(line.trim()) ?? [];
      out.set(line.trim(), current);
    } else if (line.startsWith("\t") && current) current.push(line.trim());
  }
  return out;
}

/** `cons`: how many requests the server received from a session (0x-prefixed id), or null if not connected there. */
export async function requestsReceived(member: MemberSpec, sessionId: string): Promise<number | null> {
  const text = await fourLetterWord(member.host, member.clientPort, "cons");
  const line = text.split("\n").find((l) => l.includes(`sid=${sessionId},`) || l.includes(`sid=${sessionId})`));
  const m = line && /recved=(\d+)/.exec(line);
  return m ? Number(m[1]) : null;
}

export const hexSession = (id: string | undefined) => `0x${id ?? ""}`;

/** What one viewer shows of one node: version and children, kept current by events alone (and refetches on resync). */
export class ViewerModel {
  version: number | null = null;
  children = new Set<string>();
  resyncs = 0;
  private chain: Promise<void> = Promise.resolve();

  constructor(private readonly path: string, private readonly raw: () => Promise<ZkClient>) {}

  async load() {
    const c = await this.raw();
    // This model reads through its own session, which may sit on a member that has not applied the
    // latest change yet (the console's session, which a browser refetches through, already has):
    // sync first, as ZooKeeper asks of readers that must see another client's writes.
    await c.sync(this.path);
    const stat = await c.exists(this.path);
    this.version = stat?.version ?? null;
    this.children = stat ? new Set((await c.children(this.path)).children) : new Set();
  }

  /** Apply events in arrival order (a refetch finishes before the next event is applied). */
  feed(e: LiveEvent): void {
    this.chain = this.chain.then(() => this.apply(e)).catch((err) => console.error("viewer model:", err));
  }

  settled(): Promise<void> {
    return this.chain;
  }

  private async apply(e: LiveEvent) {
    if (e.type === "resync" && (e.path === null || e.path === this.path)) {
      this.resyncs++;
      return this.load();
    }
    if (e.path !== this.path) return;
    if (e.type === "deleted") {
      this.version = null;
      this.children = new Set();
    } else if (e.type === "created" || e.type === "dataChanged") {
      this.version = e.stat?.version ?? null;
    } else if (e.type === "childrenChanged") {
      if (!e.children) return this.load();
      for (const n of e.children.added) this.children.add(n);
      for (const n of e.children.removed) this.children.delete(n);
    }
  }
}
