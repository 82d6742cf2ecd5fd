// GET/PATCH/DELETE /api/v1/clusters/{id} – one registered cluster
import { route } from "@/lib/api/route";
import { getClusterView, removeCluster, updateCluster } from "@/lib/clusters";

type P = { id: string };

export const GET = route<P>(async ({ params }) => ({ cluster: await getClusterView(params.id) }));

export const PATCH = route<P>(async ({ params, body }) => ({ cluster: await updateCluster(params.id, await body()) }));

export const DELETE = route<P>(async ({ params }) => {
  await removeCluster(params.id);
  return { ok: true };
});
