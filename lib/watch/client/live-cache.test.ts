// How live events change the browser's one store: a real QueryClient, seeded as the znode
// browser seeds it, then checked for what was refetched (invalidated), patched and remembered.
import { QueryClient } from "@tanstack/react-query";
import { beforeEach, describe, expect, it } from "vitest";
import { znodeKeys } from "@/lib/znodes/client/keys";
import type { Znode, ZnodeStat } from "@/lib/znodes/client/types";
import { liveKeys } from "./keys";
import { applyLiveEvent } from "./live-cache";
import type { LiveEvent } from "./types";

const C = "c1";
const stat = (over: Partial<ZnodeStat> = {}): ZnodeStat => ({ czxid: "0x1", mzxid: "0x5", pzxid: "0x6", ctime: "", mtime: "", version: 1, cversion: 1, aversion: 0, ephemeralOwner: null, dataLength: 1, numChildren: 1, ...over });
const znode = (path: string, s = stat()): Znode => ({ path, name: path, data: { base64: "", text: "", isBinary: false, json: null }, stat: s, acl: [], permissions: { write: true, admin: true } });
const event = (e: Partial<LiveEvent>): LiveEvent => ({ id: "abc.1", clusterId: C, path: "/a", type: "dataChanged", at: new Date().toISOString(), ...e });

describe("applying live events to the query cache", () => {
  let qc: QueryClient;
  const invalidated = (key: readonly unknown[]) => qc.getQueryState(key)?.isInvalidated ?? false;
  const childrenKey = (path: string) => znodeKeys.children(C, path, "", 200);

  beforeEach(() => {
    qc = new QueryClient();
    for (const p of ["/", "/a", "/b"]) {
      qc.setQueryData(znodeKeys.node(C, p), znode(p));
      qc.setQueryData(childrenKey(p), { pages: [], pageParams: [] });
    }
    qc.setQueryData(znodeKeys.node("other", "/a"), znode("/a"));
  });

  it("refetches a node whose data changed, highlights it and remembers its zxids", () => {
    applyLiveEvent(qc, C, event({ type: "dataChanged", stat: stat({ mzxid: "0x9", version: 2 }) }));
    expect(invalidated(znodeKeys.node(C, "/a"))).toBe(true);
    expect(invalidated(childrenKey("/a"))).toBe(false);
    expect(invalidated(znodeKeys.node(C, "/b"))).toBe(false);
    expect(qc.getQueryData<Record<string, number>>(liveKeys.changes(C))?.["/a"]).toBeGreaterThan(0);
    expect(qc.getQueryData(liveKeys.told(C))).toEqual({ "/a": { mzxid: "0x9", pzxid: "0x6" } });
  });

  it("on a child change refetches the list, patches the Stat in place and highlights the new children", () => {
    applyLiveEvent(qc, C, event({ type: "childrenChanged", stat: stat({ pzxid: "0x7", numChildren: 2, cversion: 2 }), children: { added: ["kid"], removed: [] } }));
    expect(invalidated(childrenKey("/a"))).toBe(true);
    expect(invalidated(znodeKeys.node(C, "/a"))).toBe(false);
    expect(qc.getQueryData<Znode>(znodeKeys.node(C, "/a"))?.stat.numChildren).toBe(2);
    expect(Object.keys(qc.getQueryData<Record<string, number>>(liveKeys.changes(C)) ?? {}).sort()).toEqual(["/a", "/a/kid"]);
  });

  it("on creation and deletion refreshes the node and its parent's listing", () => {
    applyLiveEvent(qc, C, event({ type: "deleted", path: "/b", stat: null }));
    expect(invalidated(znodeKeys.node(C, "/b"))).toBe(true);
    expect(invalidated(childrenKey("/"))).toBe(true);
    expect(invalidated(znodeKeys.node(C, "/"))).toBe(true);
    expect(invalidated(znodeKeys.node(C, "/a"))).toBe(false);
  });

  it("judges a path's resync by what it was told: nothing, the data, the children, or everything", () => {
    applyLiveEvent(qc, C, event({ type: "resync", stat: stat() })); // same as cached
    expect(invalidated(znodeKeys.node(C, "/a")) || invalidated(childrenKey("/a"))).toBe(false);
    applyLiveEvent(qc, C, event({ type: "resync", stat: stat({ pzxid: "0x8" }) }));
    expect(invalidated(childrenKey("/a"))).toBe(true);
    expect(invalidated(znodeKeys.node(C, "/a"))).toBe(false);
    applyLiveEvent(qc, C, event({ type: "resync", stat: stat({ pzxid: "0x8", mzxid: "0x9" }) }));
    expect(invalidated(znodeKeys.node(C, "/a"))).toBe(true);
    // Never told and not cached: its listing cannot be judged, so it is refetched.
    applyLiveEvent(qc, C, event({ type: "resync", path: "/z", stat: stat() }));
    qc.setQueryData(childrenKey("/y"), { pages: [], pageParams: [] });
    applyLiveEvent(qc, C, event({ type: "resync", path: "/y", stat: stat() }));
    expect(invalidated(childrenKey("/y"))).toBe(true);
  });

  it("a stream-wide resync refetches everything of that cluster, nothing of others", () => {
    applyLiveEvent(qc, C, event({ type: "resync", path: null }));
    for (const p of ["/", "/a", "/b"]) expect(invalidated(znodeKeys.node(C, p)) && invalidated(childrenKey(p))).toBe(true);
    expect(invalidated(znodeKeys.node("other", "/a"))).toBe(false);
  });

  it("keeps the connection state", () => {
    applyLiveEvent(qc, C, event({ type: "state", path: null, state: "reconnecting", reason: "lost" }));
    expect(qc.getQueryData(liveKeys.status(C))).toEqual({ state: "reconnecting", reason: "lost" });
  });
});
