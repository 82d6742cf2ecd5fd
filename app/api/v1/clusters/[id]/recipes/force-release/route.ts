// POST /api/v1/clusters/{id}/recipes/force-release – delete a lock/latch node: { path, version, reason } (admin, audited)
import { route } from "@/lib/access/route";
import { forceRelease } from "@/lib/recipes";

export const POST = route({ permission: "znode:admin", cluster: "id", audit: "force_release" }, async ({ ctx, params, body }) => forceRelease({ ctx, clusterId: params.id, input: await body() }));
