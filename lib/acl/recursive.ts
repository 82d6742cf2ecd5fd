// Apply one ACL to a whole subtree: a preview (how many nodes, which differ) and the apply, each
// node set with the aversion seen during the walk, so a node changed meanwhile is reported, not overwritten.
import "server-only";
import { auditJson } from "@/lib/access/audit/values";
import { ConsoleError, errors } from "@/lib/core/errors";
import type { Progress } from "@/lib/core/http/progress";
import { performMutation, type RequestCtx, type TouchedNode } from "@/lib/access/mutations";
import type { ZkClient } from "@/lib/core/zk/client";
import { isZkCode } from "@/lib/core/zk/errors";
import { isZookeeperTree, validatePath } from "@/lib/core/zk/paths";
import { invalidAcl, isInvalidAcl } from "./conflict";
import { rulesView, sameAcl, toZkAcl } from "./format";
import { recursiveAclInput, type AclRule } from "./schema";
import { walkAcls, type AclNode } from "./walk-acls";

type Skipped = { path: string; why: string };

const SAMPLE = 200;

/** ZooKeeper's own tree is never changed by a bulk operation: left out of the walk's plan, and said so. */
const PROTECTED_WHY = "belongs to ZooKeeper itself (quotas and config); a recursive ACL change leaves it as it is";

function plan(walked: AclNode[], acl: AclRule[]) {
  const nodes = walked.filter((n) => !isZookeeperTree(n.path));
  const readable = nodes.filter((n) => n.acl !== null);
  const differ = readable.filter((n) => !sameAcl(n.acl!, acl));
  const isProtectedRoot = (n: AclNode) => n.path === "/zookeeper";
  return { differ, same: readable.length - differ.length, blocked: nodes.filter((n) => n.blocked).map((n) => n.path), protected: walked.filter(isProtectedRoot).map((n) => ({ path: n.path, why: PROTECTED_WHY })) };
}

/** What a recursive apply would do: nodes in the subtree, which ones differ, which the session cannot see into. */
export async function previewRecursiveAcl({ ctx, clusterId, path: rawPath, input }: { ctx: RequestCtx; clusterId: string; path: string; input: unknown }) {
  const path = validatePath(rawPath);
  const q = recursiveAclInput.parse(input);
  const nodes = await walkAcls((await ctx.clusterSession(clusterId, path)).client, path);
  const p = plan(nodes, q.acl);
  return { path, count: nodes.length, differ: p.differ.length, same: p.same, samples: p.differ.slice(0, SAMPLE).map((n) => n.path), blocked: p.blocked.slice(0, SAMPLE), blockedCount: p.blocked.length, protected: p.protected };
}

async function setAll(client: ZkClient, nodes: AclNode[], acl: AclRule[], onProgress: (p: Progress) => void) {
  const changed: string[] = [];
  const skipped: Skipped[] = [];
  const zkAcl = toZkAcl(acl);
  let next = 0;
  let done = 0;
  await Promise.all(Array.from({ length: 32 }, async () => {
    while (next < nodes.length) {
      const n = nodes[next++];
      try {
        await client.setAcl(n.path, n.aversion!, zkAcl);
        changed.push(n.path);
      } catch (e) {
        if (isZkCode(e, "BAD_VERSION")) skipped.push({ path: n.path, why: "its ACL changed during the apply (aversion moved on); left as it is" });
        else if (isZkCode(e, "NO_NODE")) skipped.push({ path: n.path, why: "deleted during the apply" });
        else if (isZkCode(e, "NO_AUTH")) skipped.push({ path: n.path, why: "the console's session has no ADMIN on it" });
        else if (isInvalidAcl(e)) throw invalidAcl(n.path);
        else throw Object.assign(e as Error, { partial: changed.length });
      }
      onProgress({ phase: "setting", done: ++done, total: nodes.length });
    }
  }));
  return { changed, skipped };
}

/** Distinct ACLs seen before the apply with how many nodes had each: the audit trail's "before". */
function beforeSummary(nodes: AclNode[]) {
  const counts = new Map<string, number>();
  for (const n of nodes) if (n.acl) {
    const key = JSON.stringify(rulesView(n.acl));
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].slice(0, 20).map(([acl, nodes]) => ({ acl: JSON.parse(acl) as unknown, nodes }));
}

export async function applyRecursiveAcl({ ctx, clusterId, path: rawPath, input, onProgress = () => {} }: { ctx: RequestCtx; clusterId: string; path: string; input: unknown; onProgress?: (p: Progress) => void }) {
  const path = validatePath(rawPath);
  const q = recursiveAclInput.parse(input);
  if (q.preview) return previewRecursiveAcl({ ctx, clusterId, path, input });
  let nodes: AclNode[] = [];
  let overridden = false;
  const root: TouchedNode & { action: "set_acl" } = { path, action: "set_acl", acl: q.acl };
  return performMutation({
    ctx, clusterId, operation: "set_acl_recursive", path, nodes: [root], reason: q.reason, aclOverride: q.override,
    details: { acl: rulesView(q.acl), override: q.override },
    before: async (client) => {
      nodes = await walkAcls(client, path, (seen) => onProgress({ phase: "reading", done: seen, total: 0 }));
      root.current = nodes[0].acl;
      return { ...auditJson(nodes[0].acl ? rulesView(nodes[0].acl) : null), version: nodes[0].aversion };
    },
    // Under protection: the ACL changes as ops (the pipeline checks each against the ACL it replaces).
    plan: async (client) => plan(await walkAcls(client, path), q.acl).differ.map((n) => ({ op: "setAcl" as const, path: n.path, acl: toZkAcl(q.acl), aversion: n.aversion!, base: { acl: toZkAcl(n.acl!), version: n.aversion! } })),
    run: async (client, _cluster, touch) => {
      const p = plan(nodes, q.acl);
      // Every node it changes, checked before the first one is: permission, rules, lockout.
      touch(p.differ.map((n) => ({ path: n.path, action: "set_acl", acl: q.acl, current: n.acl })));
      overridden = touch.overridden > 0;
      try {
        const { changed, skipped } = await setAll(client, p.differ, q.acl, onProgress);
        return { path, count: nodes.length, changed: changed.length, unchanged: p.same, skipped: [...p.protected, ...skipped], blocked: p.blocked, lockoutOverridden: overridden };
      } catch (e) {
        const partial = (e as { partial?: number }).partial ?? 0;
        if (e instanceof ConsoleError && partial === 0) throw e;
        throw errors.partialAclApply(path, partial, (e as Error).message);
      }
    },
    after: (r) => ({
      after: auditJson(rulesView(q.acl)),
      details: { count: r.count, changed: r.changed, unchanged: r.unchanged, skipped: r.skipped.slice(0, 100), skippedCount: r.skipped.length, blockedCount: r.blocked.length, before: beforeSummary(nodes), after: rulesView(q.acl), override: overridden },
    }),
  });
}
