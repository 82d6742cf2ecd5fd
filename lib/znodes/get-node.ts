import "server-only";
import { z } from "zod";
import { segmentsOf, validatePath } from "@/lib/core/zk/paths";
import { formatAcl, formatData, formatStat } from "./format";
import type { RequestCtx } from "@/lib/core/context";
import { permissionsAt } from "@/lib/access/cluster-session";
import { isZkCode } from "@/lib/core/zk/errors";
import { explainNoAuth } from "@/lib/access/explain-no-auth";

export const nodeQuery = z.object({
  path: z.string({ required_error: "the path query parameter is required" }),
  include: z.enum(["acl"], { message: "include takes acl (the ACL in the same answer) or nothing" }).optional(),
});

/**
 * A znode's data and Stat (one ZooKeeper round trip), and what the actor may do to it; its ACL
 * only with `include=acl` (a second request to ZooKeeper: the UI's ACL tab asks …/acl instead).
 */
export async function getNode({ ctx, clusterId, input }: { ctx: RequestCtx; clusterId: string; input: unknown }) {
  const query = nodeQuery.parse(input);
  const path = validatePath(query.path);
  const { client, cluster, target } = await ctx.clusterSession(clusterId, path);
  const [{ data, stat }, acl] = await Promise.all([client.get(path), query.include === "acl" ? client.getAcl(path).then((r) => formatAcl(r.acl)) : undefined]).catch(async (e) => {
    throw (isZkCode(e, "NO_AUTH") && (await explainNoAuth(client, target, "read", path))) || e;
  });
  return { path, name: segmentsOf(path).at(-1) ?? "/", data: formatData(data), stat: formatStat(stat), ...(acl ? { acl } : {}), permissions: permissionsAt(ctx, cluster, path) };
}
