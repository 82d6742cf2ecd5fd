// GET /api/v1/clusters/{id}/znode?path= – a znode's data, Stat and ACL
import { route } from "@/lib/api/route";
import { getNode } from "@/lib/znodes";

export const GET = route<{ id: string }>(async ({ params, query }) => getNode({ clusterId: params.id, input: query }));
