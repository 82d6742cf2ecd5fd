// Every znode of a subtree with its ACL and the aversion seen now: one children + one getACL
// request per node, pipelined (lib/znodes/bfs). Nodes the session may not list are reported, not guessed.
import { errors } from "@/lib/core/errors";
import type { ZkClient } from "@/lib/core/zk/client";
import { isZkCode } from "@/lib/core/zk/errors";
import { pipelinedBfs } from "../znodes/bfs";
import { toRules } from "./format";
import type { AclRule } from "./schema";

export type AclNode = { path: string; acl: AclRule[] | null; aversion: number | null; blocked: boolean };

export const MAX_RECURSIVE_NODES = 200_000;

export async function walkAcls(client: ZkClient, root: string, onNode?: (seen: number) => void): Promise<AclNode[]> {
  const out: AclNode[] = [];
  const visit = async (path: string) => {
    const [kids, acl] = await Promise.allSettled([client.children(path), client.getAcl(path)]);
    for (const r of [kids, acl]) {
      if (r.status === "rejected" && isZkCode(r.reason, "NO_NODE")) return null; // deleted meanwhile
      if (r.status === "rejected" && !isZkCode(r.reason, "NO_AUTH")) throw r.reason;
    }
    const item: AclNode = acl.status === "fulfilled"
      ? { path, acl: toRules(acl.value.acl), aversion: acl.value.stat.aversion, blocked: kids.status === "rejected" }
      : { path, acl: null, aversion: null, blocked: true };
    return { item, children: kids.status === "fulfilled" ? kids.value.children : [] };
  };
  for await (const node of pipelinedBfs(root, visit, 32)) {
    out.push(node);
    onNode?.(out.length);
    if (out.length > MAX_RECURSIVE_NODES) throw errors.subtreeTooLarge(root, MAX_RECURSIVE_NODES);
  }
  if (out.length === 0) throw errors.noNode(root);
  return out;
}
