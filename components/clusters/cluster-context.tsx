"use client";

import { createContext, useCallback, useContext, type ReactNode } from "react";
import { znodeHref } from "@/lib/znodes/client/znode-path";

/** The cluster a page is about: its id (for the API) and slug (for the page URLs). */
export type ClusterPageRef = { id: string; slug: string; name: string };

const ClusterContext = createContext<ClusterPageRef | null>(null);

export function ClusterProvider({ value, children }: { value: ClusterPageRef; children: ReactNode }) {
  return <ClusterContext.Provider value={value}>{children}</ClusterContext.Provider>;
}

/** The page's cluster (set by app/clusters/[id]/layout.tsx). */
export function useClusterPage(): ClusterPageRef {
  const cluster = useContext(ClusterContext);
  if (!cluster) throw new Error("useClusterPage needs the cluster layout (app/clusters/[id]/layout.tsx)");
  return cluster;
}

/**
 * Links to znodes of a cluster: by slug when it is the page's own cluster (no redirect), by
 * id otherwise (the id URL redirects to the slug).
 */
export function useZnodeHref(): (path: string, clusterId?: string) => string {
  const cluster = useContext(ClusterContext);
  return useCallback((path: string, clusterId?: string) => {
    const id = clusterId ?? cluster?.id ?? "";
    return znodeHref(cluster && id === cluster.id ? cluster.slug : id, path);
  }, [cluster]);
}
