// How a live event changes the TanStack Query cache: the affected znode and children queries are
// refetched (or patched where that is exact), changed paths are marked for a brief highlight.
import type { QueryClient } from "@tanstack/react-query";
import { znodeKeys } from "@/lib/znodes/client/keys";
import { parentPath } from "@/lib/znodes/client/refresh";
import type { Znode, ZnodeStat } from "@/lib/znodes/client/types";
import { childPath } from "@/lib/znodes/client/znode-path";
import { liveKeys } from "./keys";
import type { LiveEvent, LiveStatus } from "./types";

type Told = Record<string, { mzxid: string; pzxid: string }>;
type Changes = Record<string, number>;

/** How long a changed node stays highlighted. */
export const FLASH_MS = 1500;

export function setLiveStatus(qc: QueryClient, clusterId: string, status: LiveStatus) {
  qc.setQueryData<LiveStatus>(liveKeys.status(clusterId), status);
}

function markChanged(qc: QueryClient, clusterId: string, paths: string[]) {
  const now = Date.now();
  qc.setQueryData<Changes>(liveKeys.changes(clusterId), (old = {}) => {
    const next: Changes = {};
    for (const [p, at] of Object.entries(old)) if (now - at < FLASH_MS) next[p] = at;
    for (const p of paths) next[p] = now;
    return next;
  });
}

function remember(qc: QueryClient, clusterId: string, path: string, stat: ZnodeStat | null | undefined) {
  qc.setQueryData<Told>(liveKeys.told(clusterId), (old = {}) => {
    const next = { ...old };
    if (stat) next[path] = { mzxid: stat.mzxid, pzxid: stat.pzxid };
    else delete next[path];
    return next;
  });
}

const refetchNode = (qc: QueryClient, clusterId: string, path: string) => qc.invalidateQueries({ queryKey: znodeKeys.node(clusterId, path) });
const refetchChildren = (qc: QueryClient, clusterId: string, path: string) => qc.invalidateQueries({ queryKey: znodeKeys.childrenOf(clusterId, path) });

/** A child was added or removed: the Stat alone changed (cversion, pzxid, numChildren), unless the data did too. */
function patchStat(qc: QueryClient, clusterId: string, path: string, stat: ZnodeStat) {
  const cached = qc.getQueryData<Znode>(znodeKeys.node(clusterId, path));
  if (!cached) return;
  if (cached.stat.mzxid === stat.mzxid) qc.setQueryData<Znode>(znodeKeys.node(clusterId, path), { ...cached, stat });
  else void refetchNode(qc, clusterId, path);
}

/** The node as it is now, after a gap: refetch only what differs from what this browser was told (or shows). */
function resyncPath(qc: QueryClient, clusterId: string, path: string, stat: ZnodeStat | null | undefined) {
  if (stat === undefined) return; // the server could not read it yet; a cluster-wide resync follows
  const cached = qc.getQueryData<Znode>(znodeKeys.node(clusterId, path));
  const told = qc.getQueryData<Told>(liveKeys.told(clusterId))?.[path] ?? (cached && { mzxid: cached.stat.mzxid, pzxid: cached.stat.pzxid });
  if (!stat || !told) {
    void refetchNode(qc, clusterId, path);
    void refetchChildren(qc, clusterId, path);
  } else {
    if (told.mzxid !== stat.mzxid) void refetchNode(qc, clusterId, path);
    if (told.pzxid !== stat.pzxid) {
      void refetchChildren(qc, clusterId, path);
      patchStat(qc, clusterId, path, stat);
    }
  }
  remember(qc, clusterId, path, stat);
}

export function applyLiveEvent(qc: QueryClient, clusterId: string, e: LiveEvent) {
  if (e.type === "closed") {
    // The server ended the stream for good (access lost): say why; the page's own reads now fail too.
    setLiveStatus(qc, clusterId, { state: "stopped", reason: e.reason });
    return;
  }
  if (e.type === "state") {
    if (e.state) setLiveStatus(qc, clusterId, { state: e.state, reason: e.reason });
    return;
  }
  if (e.path === null) {
    // Everything this stream shows may be stale: refetch the cluster's znode queries on screen.
    qc.setQueryData<Told>(liveKeys.told(clusterId), {});
    void qc.invalidateQueries({ queryKey: znodeKeys.all(clusterId) });
    return;
  }
  const path = e.path;
  switch (e.type) {
    case "resync":
      return resyncPath(qc, clusterId, path, e.stat);
    case "dataChanged":
      void refetchNode(qc, clusterId, path);
      markChanged(qc, clusterId, [path]);
      break;
    case "created":
    case "deleted":
      void refetchNode(qc, clusterId, path);
      void refetchChildren(qc, clusterId, path);
      if (path !== "/") {
        void refetchNode(qc, clusterId, parentPath(path));
        void refetchChildren(qc, clusterId, parentPath(path));
      }
      markChanged(qc, clusterId, e.type === "created" ? [path] : [parentPath(path)]);
      break;
    case "childrenChanged":
      void refetchChildren(qc, clusterId, path);
      if (e.stat) patchStat(qc, clusterId, path, e.stat);
      markChanged(qc, clusterId, [path, ...(e.children?.added ?? []).map((name) => childPath(path, name))]);
      break;
  }
  remember(qc, clusterId, path, e.stat);
}
