// POST /api/v1/clusters/{id}/import?path=&dryRun=&onExisting=&acl=&reason= – import an export file (dry run by default)
import { route } from "@/lib/access/route";
import { withProgress } from "@/lib/core/http/progress";
import { importSubtree, MAX_IMPORT_BYTES } from "@/lib/znodes";

export const POST = route({ permission: "znode:write", cluster: "id", path: "?path", audit: "import", maxBodyBytes: MAX_IMPORT_BYTES }, async ({ req, params, ctx, query, body }) => {
  const file = await body();
  return withProgress(req, (emit) => importSubtree({ ctx, clusterId: params.id, query, body: file, onProgress: (done, total) => emit({ phase: "writing", done, total }) }));
});
