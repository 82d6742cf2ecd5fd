// POST /api/v1/clusters/{id}/copy – copy or move a subtree (NDJSON progress with Accept: application/x-ndjson)
import { route } from "@/lib/access/route";
import { withProgress } from "@/lib/core/http/progress";
import { copySubtree } from "@/lib/znodes";

export const POST = route({ permission: "znode:write", cluster: "id", audit: "copy" }, async ({ req, params, ctx, body }) => {
  const input = await body();
  return withProgress(req, (emit) => copySubtree({ ctx, clusterId: params.id, input, onProgress: emit }));
});
