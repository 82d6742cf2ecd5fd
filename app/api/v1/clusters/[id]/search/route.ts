// GET /api/v1/clusters/{id}/search?path=&q=&in=&regex=&limit=&maxNodes=&maxMs= – names and values under a path, streamed as NDJSON
import { route } from "@/lib/access/route";
import { ndjsonResponse } from "@/lib/core/http/ndjson";
import { searchTree } from "@/lib/search";

// No declared path: a reader of a deeper prefix may search from above it (the verb shows only what they may read).
export const GET = route({ permission: "znode:read", cluster: "id" }, async ({ req, params, query, ctx }) =>
  ndjsonResponse(await searchTree({ ctx, clusterId: params.id, input: query }), { signal: req.signal, requestId: ctx.requestId }));
