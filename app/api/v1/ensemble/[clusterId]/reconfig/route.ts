// POST /api/v1/ensemble/{clusterId}/reconfig – apply a reviewed change: { change, fromVersion, reason? } (admin, audited)
import { route } from "@/lib/access/route";
import { applyReconfig } from "@/lib/ensemble";

export const POST = route({ permission: "cluster:admin", cluster: "clusterId" }, async ({ ctx, params, body }) => applyReconfig({ ctx, clusterId: params.clusterId, input: await body() }));
