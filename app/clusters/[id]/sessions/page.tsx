import { SessionsScreen } from "./client";
import { safeDecode } from "@/lib/znodes/client/znode-path";

export default async function SessionsPage({ params }: { params: Promise<{ id: string }> }) {
  return <SessionsScreen clusterId={safeDecode((await params).id)} />;
}
