// POST /api/v1/ensemble/{clusterId}/reconfig/plan – the proposed config and guardrail verdict for a change (nothing applied)
import { route } from "@/lib/access/route";
import { planReconfig } from "@/lib/ensemble";

export const POST = route({ permission: "znode:read", cluster: "clusterId", path: "/" }, async ({ ctx, params, body }) => planReconfig({ ctx, clusterId: params.clusterId, input: await body() }));
