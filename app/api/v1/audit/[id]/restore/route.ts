// POST /api/v1/audit/{id}/restore – { version, reason? }: write this record's value back, version-checked (audited as restore)
import { route } from "@/lib/access/route";
import { errors } from "@/lib/core/errors";
import { restoreTarget, restoreVersion } from "@/lib/audit";

export const POST = route(
  { permission: "znode:write", target: ({ params }) => restoreTarget(params.id), audit: "restore", hidden: ({ params }) => errors.noRestorableRecord(params.id) },
  async ({ ctx, params, body }) => ({ stat: await restoreVersion({ ctx, recordId: params.id, input: await body() }) }),
);
