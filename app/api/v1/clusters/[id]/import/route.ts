// POST /api/v1/clusters/{id}/import?path=&dryRun=&onExisting=&acl=&reason= – import an export file (dry run by default)
import { route } from "@/lib/access/route";
import { withProgress } from "@/lib/core/http/progress";
import { importSubtree, readImportFile } from "@/lib/znodes";

// The body is read only after the permission check, streamed and bounded by IMPORT_MAX_BYTES.
export const POST = route({ permission: "znode:write", cluster: "id", path: "?path", audit: "import" }, async ({ req, params, ctx, query }) => {
  const file = await readImportFile(req);
  return withProgress(req, (emit) => importSubtree({ ctx, clusterId: params.id, query, body: file, onProgress: (done, total) => emit({ phase: "writing", done, total }) }));
});
