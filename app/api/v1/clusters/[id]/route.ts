// GET/PATCH/DELETE /api/v1/clusters/{id} – one registered cluster (changes: admins, audited)
import { route } from "@/lib/access/route";
import { changeCluster, getVisibleClusterView, unregisterCluster } from "@/lib/clusters";

export const GET = route({ permission: "cluster:visible", cluster: "id" }, async ({ ctx, params }) => ({ cluster: await getVisibleClusterView(ctx.actor, params.id) }));

export const PATCH = route({ permission: "admin" }, async ({ ctx, params, body }) => ({ cluster: await changeCluster({ ctx, id: params.id, input: await body() }) }));

export const DELETE = route({ permission: "admin" }, async ({ ctx, params }) => {
  await unregisterCluster({ ctx, id: params.id });
  return { ok: true } as const;
});
