// POST /api/v1/audit/{id}/restore – { version, reason? }: write this record's value back, version-checked (audited as restore)
import { route } from "@/lib/access/route";
import { restoreVersion } from "@/lib/audit";

export const POST = route(async ({ ctx, params, body }) => ({ stat: await restoreVersion({ ctx, recordId: params.id, input: await body() }) }));
