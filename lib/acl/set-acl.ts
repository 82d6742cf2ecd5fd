import "server-only";
import { sessionTargetOf } from "@/lib/access/cluster-session";
import { auditJson } from "@/lib/access/audit/values";
import { aclOf, performMutation, type RequestCtx, type TouchedNode } from "@/lib/access/mutations";
import { validatePath } from "@/lib/core/zk/paths";
import { isZkCode } from "@/lib/core/zk/errors";
import { aclConflict, invalidAcl, isInvalidAcl } from "./conflict";
import { explainNoAuth } from "@/lib/access/explain-no-auth";
import { formatAclView, type AclView } from "@/lib/core/zk/perms";
import { rulesView, toRules, toZkAcl } from "./format";
import { setAclInput } from "./schema";

/** Replace a znode's ACL, only if it is still at the aversion the operator saw; audited as set_acl. */
export async function setAcl({ ctx, clusterId, path: rawPath, input }: { ctx: RequestCtx; clusterId: string; path: string; input: unknown }) {
  const path = validatePath(rawPath);
  const q = setAclInput.parse(input);
  let before: AclView[] = [];
  let overridden = false;
  // The pipeline checks the new ACL (rules, lockout guard) against the one read here.
  const node: TouchedNode & { action: "set_acl" } = { path, action: "set_acl", acl: q.acl };
  return performMutation({
    ctx, clusterId, operation: "set_acl", path, nodes: [node], reason: q.reason, aclOverride: q.override,
    details: { acl: rulesView(q.acl), aversion: q.aversion, override: q.override },
    before: async (client, cluster) => {
      const current = await client.getAcl(path).catch(async (e) => {
        throw (isZkCode(e, "NO_AUTH") && (await explainNoAuth(client, await sessionTargetOf(cluster), "set_acl", path))) || e;
      });
      before = formatAclView(current.acl);
      node.current = toRules(current.acl);
      return { ...auditJson(before), version: current.stat.aversion };
    },
    plan: async (client) => {
      const current = await client.getAcl(path);
      if (current.stat.aversion !== q.aversion) throw await aclConflict(client, path, q.aversion);
      return [{ op: "setAcl", path, acl: toZkAcl(q.acl), aversion: q.aversion, base: { acl: aclOf(current.acl), version: current.stat.aversion } }];
    },
    run: async (client, _cluster, touch) => {
      overridden = touch.overridden > 0;
      try {
        await client.setAcl(path, q.aversion, toZkAcl(q.acl));
      } catch (e) {
        if (isZkCode(e, "BAD_VERSION")) throw await aclConflict(client, path, q.aversion);
        if (isInvalidAcl(e)) throw invalidAcl(path);
        throw e;
      }
      // Read back what ZooKeeper stored (auth entries become the session's identities); without
      // READ or ADMIN left (an overridden lockout) it cannot be read: report what was sent.
      const now = await client.getAcl(path).catch(() => null);
      return { path, acl: now ? formatAclView(now.acl) : rulesView(q.acl), aversion: now ? now.stat.aversion : q.aversion + 1, lockoutOverridden: overridden };
    },
    after: (r) => ({ after: { ...auditJson(r.acl), version: r.aversion }, details: { before, after: r.acl, override: overridden } }),
  });
}
