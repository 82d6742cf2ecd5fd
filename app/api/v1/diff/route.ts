// GET /api/v1/diff?left={clusterId}:{path}&right={clusterId}:{path}&acl=&maxNodes= – two subtrees compared, streamed as NDJSON
import { route } from "@/lib/access/route";
import { ndjsonResponse } from "@/lib/core/http/ndjson";
import { diffTrees, sidesOfQuery } from "@/lib/diff";

export const GET = route({ permission: "znode:read", targets: sidesOfQuery }, async ({ req, query, ctx }) =>
  ndjsonResponse(await diffTrees({ ctx, input: query }), { signal: req.signal, requestId: ctx.requestId }));
