// GET /api/v1/clusters/{id}/sessions – client sessions per member (cons) and ephemerals by owner session (dump)
import { route } from "@/lib/access/route";
import { listSessions } from "@/lib/health";

export const GET = route({ permission: "znode:read", cluster: "id", path: "/" }, async ({ ctx, params }) => listSessions({ ctx, clusterId: params.id }));
