import { LiveFeed } from "./client";
import { safeDecode } from "@/lib/znodes/client/znode-path";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ path?: string | string[] }> };

export default async function LivePage({ params, searchParams }: Props) {
  const { id } = await params;
  const { path } = await searchParams;
  const paths = [...new Set((Array.isArray(path) ? path : path ? [path] : []).filter((p) => p.startsWith("/")))];
  return <LiveFeed clusterId={safeDecode(id)} initialPaths={paths.length ? paths : ["/"]} />;
}
