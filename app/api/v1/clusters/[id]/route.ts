// GET/PATCH/DELETE /api/v1/clusters/{id} – one registered cluster (changes: admins, audited)
import { route } from "@/lib/access/route";
import { changeCluster, getVisibleClusterView, unregisterCluster } from "@/lib/clusters";

export const GET = route(async ({ ctx, params }) => ({ cluster: await getVisibleClusterView(ctx.actor, params.id) }));

export const PATCH = route(async ({ ctx, params, body }) => ({ cluster: await changeCluster({ ctx, id: params.id, input: await body() }) }));

export const DELETE = route(async ({ ctx, params }) => {
  await unregisterCluster({ ctx, id: params.id });
  return { ok: true } as const;
});
