import { useQueryClient, type Query } from "@tanstack/react-query";
import { useCallback, useSyncExternalStore } from "react";
import type { MAX_PATHS_PER_STREAM } from "@/lib/watch";

/** The server's limit on paths per stream (typed as the server's constant: tsc fails if they part). */
export const MAX_LIVE_PATHS: typeof MAX_PATHS_PER_STREAM = 50;

const depth = (p: string) => (p === "/" ? 0 : p.split("/").length - 1);

/**
 * The znodes on screen: `current` first, then every path with an active node or children
 * query of the cluster (the open tree nodes, the detail pane), shallow ones first, at most 50.
 * Read from the query cache, so any component that shows a znode is covered without wiring.
 */
export function useOpenZnodePaths(clusterId: string, current: string): string[] {
  const qc = useQueryClient();
  const subscribe = useCallback((onChange: () => void) => qc.getQueryCache().subscribe(onChange), [qc]);
  const snapshot = useCallback(() => {
    const open = new Set<string>();
    for (const q of qc.getQueryCache().findAll({ queryKey: ["znodes", clusterId] }) as Query[]) {
      const [, , kind, path] = q.queryKey;
      if ((kind === "node" || kind === "children") && typeof path === "string" && q.isActive()) open.add(path);
    }
    open.delete(current);
    const rest = [...open].sort((a, b) => depth(a) - depth(b) || a.localeCompare(b));
    return [current, ...rest].slice(0, MAX_LIVE_PATHS).join("\n");
  }, [qc, clusterId, current]);
  // A string snapshot: equal sets compare equal, so unrelated cache activity does not re-render.
  const key = useSyncExternalStore(subscribe, snapshot, () => current);
  return key.split("\n");
}
