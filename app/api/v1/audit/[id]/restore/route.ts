// POST /api/v1/audit/{id}/restore – { version, reason? }: write this record's value back, version-checked (audited as restore)
import { route } from "@/lib/access/route";
import { restoreTarget, restoreVersion } from "@/lib/audit";

export const POST = route({ permission: "znode:write", target: ({ params }) => restoreTarget(params.id), audit: "restore" }, async ({ ctx, params, body }) => ({ stat: await restoreVersion({ ctx, recordId: params.id, input: await body() }) }));
