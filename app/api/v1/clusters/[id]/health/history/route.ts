// GET /api/v1/clusters/{id}/health/history?member=&since=&limit= – stored samples, oldest first
import { route } from "@/lib/access/route";
import { getHealthHistory } from "@/lib/health";

export const GET = route({ permission: "znode:read", cluster: "id", path: "/" }, async ({ ctx, params, query }) => getHealthHistory({ ctx, clusterId: params.id, input: query }));
