import { LiveFeed } from "./client";
import { clusterForPage } from "@/lib/auth/cluster-page";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ path?: string | string[] }> };

export default async function LivePage({ params, searchParams }: Props) {
  const cluster = await clusterForPage((await params).id);
  if (!cluster) return null;
  const { path } = await searchParams;
  const paths = [...new Set((Array.isArray(path) ? path : path ? [path] : []).filter((p) => p.startsWith("/")))];
  return <LiveFeed clusterId={cluster.id} initialPaths={paths.length ? paths : ["/"]} />;
}
