import type { ReactNode } from "react";
import { NoticeProvider } from "@/components/editing/notices";
import { ZnodeWorkspace } from "@/components/znodes/znode-workspace";
import { clusterForPage } from "@/lib/auth/cluster-page";

// Wraps every znode page: the tree persists across nodes, and a write's outcome stays visible
// across the navigation it causes.
export default async function ZnodesLayout({ params, children }: { params: Promise<{ id: string }>; children: ReactNode }) {
  const cluster = await clusterForPage((await params).id);
  if (!cluster) return null; // the cluster layout says why
  return (
    <NoticeProvider>
      <ZnodeWorkspace clusterId={cluster.id}>{children}</ZnodeWorkspace>
    </NoticeProvider>
  );
}
