"use client";

import { useLiveEvents } from "@/lib/watch/client/use-live-events";
import { useOpenZnodePaths } from "@/lib/watch/client/use-open-znode-paths";
import { LiveIndicator } from "./live-indicator";

/** Keeps the znode browser live: one stream for the current node and every open tree node. */
export function LiveUpdates({ clusterId, currentPath }: { clusterId: string; currentPath: string }) {
  const paths = useOpenZnodePaths(clusterId, currentPath);
  useLiveEvents(clusterId, paths);
  return <LiveIndicator clusterId={clusterId} />;
}
