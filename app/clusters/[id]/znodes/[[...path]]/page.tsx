import { ZnodeDetail } from "@/components/znodes/znode-detail";
import { clusterForPage } from "@/lib/auth/cluster-page";
import { pathFromSegments } from "@/lib/znodes/client/znode-path";

type Props = { params: Promise<{ id: string; path?: string[] }> };

// Next.js hands dynamic segments over still percent-encoded; pathFromSegments decodes each one.
export default async function ZnodesPage({ params }: Props) {
  const { id, path } = await params;
  const cluster = await clusterForPage(id);
  return cluster ? <ZnodeDetail clusterId={cluster.id} path={pathFromSegments(path)} /> : null;
}
