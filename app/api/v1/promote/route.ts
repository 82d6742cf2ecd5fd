// POST /api/v1/promote?left={clusterId}:{path}&right={clusterId}:{path} – { paths?, dryRun, deleteExtra?, withAcl?, plan?, reason? }: the plan, or its apply (NDJSON progress with Accept: application/x-ndjson)
import { route } from "@/lib/access/route";
import { withProgress } from "@/lib/core/http/progress";
import { promote, promoteTargets } from "@/lib/promote";

export const POST = route({ permission: "znode:write", targets: promoteTargets, audit: "promote" }, async ({ req, query, ctx, body }) => {
  const input = { ...((await body()) as object), left: query.left, right: query.right };
  return withProgress(req, (emit) => promote({ ctx, input, onProgress: emit }));
});
