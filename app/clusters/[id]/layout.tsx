import type { ReactNode } from "react";
import { ClusterProvider } from "@/components/clusters/cluster-context";
import { ClusterHeader } from "@/components/clusters/cluster-header";
import { clusterForPage } from "@/lib/auth/cluster-page";

type Props = { params: Promise<{ id: string }>; children: ReactNode };

// Every cluster screen: the cluster resolved once (slug, or an id that redirects to it), one
// header, and one error when it does not exist or is not visible (the screens then render nothing).
export default async function ClusterLayout({ params, children }: Props) {
  const { id } = await params;
  const cluster = await clusterForPage(id);
  if (!cluster) {
    let ref = id;
    try { ref = decodeURIComponent(id); } catch { /* shown as it came */ }
    return (
      <div role="alert" className="error-box">
        <strong>Not found</strong>
        <p>There is no cluster “{ref}”, or you have no access to it. <a href="/clusters">All clusters</a></p>
      </div>
    );
  }
  return (
    <ClusterProvider value={cluster}>
      <div className="cluster-screen">
        <ClusterHeader />
        {children}
      </div>
    </ClusterProvider>
  );
}
