import { SearchScreen } from "./client";
import { clusterForPage } from "@/lib/auth/cluster-page";

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const cluster = await clusterForPage((await params).id);
  return cluster ? <SearchScreen clusterId={cluster.id} /> : null;
}
