// GET|PUT /api/v1/clusters/{id}/acl?path= – a znode's ACL with its aversion; replace it at that aversion (admins, audited)
import { route } from "@/lib/access/route";
import { getAcl, setAcl } from "@/lib/acl";

export const GET = route({ permission: "znode:read", cluster: "id", path: "?path" }, async ({ params, query, ctx }) => getAcl({ ctx, clusterId: params.id, input: query }));

export const PUT = route({ permission: "znode:admin", cluster: "id", path: "?path", audit: "set_acl" }, async ({ params, query, ctx, body }) => setAcl({ ctx, clusterId: params.id, path: query.path ?? "", input: await body() }));
