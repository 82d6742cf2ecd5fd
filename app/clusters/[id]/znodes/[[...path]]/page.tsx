import { ZnodeBrowser } from "./client";
import { pathFromSegments, safeDecode } from "@/lib/znodes/client/znode-path";

type Props = { params: Promise<{ id: string; path?: string[] }> };

// Next.js hands dynamic segments over still percent-encoded; pathFromSegments decodes each one.
export default async function ZnodesPage({ params }: Props) {
  const { id, path } = await params;
  const clusterId = safeDecode(id);
  return <ZnodeBrowser clusterId={clusterId} path={pathFromSegments(path)} />;
}
