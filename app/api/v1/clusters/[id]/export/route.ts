// GET /api/v1/clusters/{id}/export?path=&acl= – a subtree as a streamed JSON export file
import { route } from "@/lib/access/route";
import { exportSubtree } from "@/lib/znodes";

export const GET = route({ permission: "znode:read", cluster: "id", path: "?path" }, async ({ params, query, ctx }) => {
  const stream = await exportSubtree({ ctx, clusterId: params.id, input: query });
  const name = (query.path ?? "root").replace(/[^\w.-]+/g, "_").replace(/^_+|_+$/g, "") || "root";
  return new Response(stream, {
    headers: { "Content-Type": "application/json", "Content-Disposition": `attachment; filename="zk-export-${name}.json"`, "Cache-Control": "no-store" },
  });
});
