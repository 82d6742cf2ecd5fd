import { HealthScreen } from "./client";
import { safeDecode } from "@/lib/znodes/client/znode-path";

export default async function HealthPage({ params }: { params: Promise<{ id: string }> }) {
  return <HealthScreen clusterId={safeDecode((await params).id)} />;
}
