// GET /api/v1/clusters/{id}/health – every member probed now (4lw, AdminServer), quorum, zxid lag, open alerts
import { route } from "@/lib/access/route";
import { getClusterHealth } from "@/lib/health";

export const GET = route({ permission: "znode:read", cluster: "id", path: "/" }, async ({ ctx, params }) => getClusterHealth({ ctx, clusterId: params.id }));
