import { RecipesScreen } from "./client";
import { safeDecode } from "@/lib/znodes/client/znode-path";

export default async function RecipesPage({ params }: { params: Promise<{ id: string }> }) {
  return <RecipesScreen clusterId={safeDecode((await params).id)} />;
}
