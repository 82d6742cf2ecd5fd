// GET /api/v1/clusters/{id}/export?path=&acl= – a subtree as a streamed JSON export file
import { route } from "@/lib/access/route";
import { exportDownload } from "@/lib/znodes";

export const GET = route({ permission: "znode:read", cluster: "id", path: "?path" }, async ({ params, query, ctx }) => exportDownload({ ctx, clusterId: params.id, input: query }));
