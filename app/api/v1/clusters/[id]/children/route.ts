// GET /api/v1/clusters/{id}/children?path=&offset=&limit=&filter= – one page of a znode's children
import { route } from "@/lib/access/route";
import { listChildrenPage } from "@/lib/znodes";

export const GET = route({ permission: "znode:read", cluster: "id", path: "?path" }, async ({ params, query, ctx }) => listChildrenPage({ ctx, clusterId: params.id, input: query }));
