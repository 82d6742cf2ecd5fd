// GET /api/v1/clusters/{id}/health/alerts?open=&limit= – alerts, newest first
import { route } from "@/lib/access/route";
import { listAlerts } from "@/lib/health";

export const GET = route({ permission: "znode:read", cluster: "id", path: "/" }, async ({ ctx, params, query }) => listAlerts({ ctx, clusterId: params.id, input: query }));
