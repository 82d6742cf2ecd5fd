// GET /api/v1/audit/history?clusterId=&path= – a znode's audited versions (whoever may read the znode)
import { route } from "@/lib/access/route";
import { znodeHistory } from "@/lib/audit";

export const GET = route({ permission: "znode:read", cluster: "?clusterId", path: "?path" }, async ({ ctx, query }) => znodeHistory({ ctx, input: query }));
