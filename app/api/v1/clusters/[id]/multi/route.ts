// POST /api/v1/clusters/{id}/multi – create/set/delete/check operations applied all or nothing
import { route } from "@/lib/access/route";
import { applyMulti } from "@/lib/znodes";

export const POST = route({ permission: "znode:write", cluster: "id", audit: "multi" }, async ({ params, ctx, body }) => applyMulti({ ctx, clusterId: params.id, input: await body() }));
