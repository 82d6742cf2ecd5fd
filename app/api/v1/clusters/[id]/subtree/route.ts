// GET /api/v1/clusters/{id}/subtree?path= – size, depth and sample paths of a subtree (recursive delete preview)
import { route } from "@/lib/access/route";
import { previewSubtree } from "@/lib/znodes";

export const GET = route({ permission: "znode:read", cluster: "id", path: "?path" }, async ({ params, query, ctx }) => previewSubtree({ ctx, clusterId: params.id, input: query }));
