import "server-only";
import type { RequestCtx } from "@/lib/core/context";
import { validatePath } from "@/lib/core/zk/paths";
import { isZkCode } from "@/lib/core/zk/errors";
import { permissionsAt } from "@/lib/access/cluster-session";
import { explainNoAuth } from "@/lib/access/explain-no-auth";
import { formatAclView } from "@/lib/core/zk/perms";
import { toRules } from "./format";
import { identitiesOf, identityLabel } from "@/lib/access/session-identities";
import { sessionPerms } from "@/lib/access/mutations";
import { permLetters } from "@/lib/core/zk/perms";
import { pathQuery } from "./schema";

/** A znode's ACL with its aversion, the console session's identities and what they may do there. */
export async function getAcl({ ctx, clusterId, input }: { ctx: RequestCtx; clusterId: string; input: unknown }) {
  const path = validatePath(pathQuery.parse(input).path);
  const { client, cluster, target } = await ctx.clusterSession(clusterId, path);
  const { acl, stat } = await client.getAcl(path).catch(async (e) => {
    throw (isZkCode(e, "NO_AUTH") && (await explainNoAuth(client, target, "read", path))) || e;
  });
  const identities = identitiesOf(target);
  return {
    path,
    acl: formatAclView(acl),
    aversion: stat.aversion,
    session: { identities: identities.map(identityLabel), perms: permLetters(sessionPerms(toRules(acl), identities)) },
    permissions: permissionsAt(ctx, cluster, path),
  };
}
