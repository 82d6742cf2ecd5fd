// The write check every mutation passes for every node it touches: the one permission check
// (lib/access/permissions) per node, plus the rules that hold for everyone: read-only clusters
// refuse every write, the /zookeeper system tree is off limits, and / is never deleted.
import { errors } from "@/lib/core/errors";
import type { Actor } from "@/lib/core/actor";
import { authorize, canSeeCluster } from "../permissions";

/** What a mutation does to one znode. */
export type NodeAction = "create" | "set" | "delete" | "set_acl";

/**
 * One node a mutation touches. `needs` is the role it takes there: an ACL change needs admin,
 * the rest write, unless the operation is an administrative one (a forced release, a reconfig).
 */
export type TouchedNode = { path: string; action: NodeAction; needs?: "write" | "admin" };

const isZookeeperTree = (p: string) => p === "/zookeeper" || p.startsWith("/zookeeper/");

export function authorizeNodes(actor: Actor, cluster: { id: string; name: string; readOnly: boolean }, nodes: TouchedNode[]): void {
  if (!canSeeCluster(actor, cluster)) throw errors.clusterNotFound(cluster.id);
  if (cluster.readOnly) throw errors.readOnlyCluster(cluster.name);
  for (const n of nodes) {
    authorize(actor, n.needs ?? (n.action === "set_acl" ? "admin" : "write"), cluster, n.path);
    if (n.path === "/" && n.action === "delete") throw errors.rootNotDeletable();
    if (isZookeeperTree(n.path)) throw errors.zookeeperTree(n.path);
  }
}
