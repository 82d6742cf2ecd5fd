// POST /api/v1/clusters/{id}/acl/recursive?path= – preview ({ preview: true }) or apply one ACL to a subtree (NDJSON progress with Accept: application/x-ndjson)
import { route } from "@/lib/access/route";
import { withProgress } from "@/lib/core/http/progress";
import { applyRecursiveAcl } from "@/lib/acl";

export const POST = route({ permission: "znode:admin", cluster: "id", path: "?path", audit: "set_acl_recursive" }, async ({ req, params, query, ctx, body }) => {
  const input = await body();
  return withProgress(req, (emit) => applyRecursiveAcl({ ctx, clusterId: params.id, path: query.path ?? "", input, onProgress: emit }));
});
