// The write check every mutation passes for every node it touches: the one permission check
// (lib/access/permissions) per node, plus the rules that hold for everyone: read-only clusters
// refuse every write, the /zookeeper system tree is off limits, and / is never deleted. An ACL a
// node is given passes the same check as the ACL editor's (acl-guard.ts), whoever sets it.
import { errors } from "@/lib/core/errors";
import type { Actor } from "@/lib/core/actor";
import type { AclRule } from "@/lib/core/zk/acl-ids";
import { isZookeeperTree } from "@/lib/core/zk/paths";
import { authorize, canSeeCluster } from "../permissions";
import type { Identity } from "../session-identities";
import { guardAclChange } from "./acl-guard";
import { WritePermits } from "./guarded-client";
import type { NodeAction, TouchedNode } from "./touched-node";

export type { NodeAction, TouchedNode };

type ClusterRef = { id: string; name: string; readOnly: boolean };

/** The ACL the binding gives every node it creates (world:anyone:cdrwa): `current` of a node an operation creates. */
export const CREATED_ACL: AclRule[] = [{ scheme: "world", id: "anyone", perms: 31 }];

export function authorizeNodes(actor: Actor, cluster: ClusterRef, nodes: TouchedNode[]): void {
  if (!canSeeCluster(actor, cluster)) throw errors.clusterNotFound(cluster.id);
  if (cluster.readOnly) throw errors.readOnlyCluster(cluster.name);
  for (const n of nodes) {
    authorize(actor, n.action === "set_acl" ? "admin" : n.needs ?? "write", cluster, n.path);
    if (n.path === "/" && n.action === "delete") throw errors.rootNotDeletable();
    if (isZookeeperTree(n.path)) throw errors.zookeeperTree(n.path);
  }
}

/** The check of nodes a mutation finds on its way (`touch`): permission and rules per node, and each ACL it sets. */
export type NodeGuard = ((nodes: TouchedNode[]) => void) & {
  /** How many ACL changes went through with an overridden lockout (override and a reason). */
  readonly overridden: number;
  /** Every node that passed, for the client run() writes through (guarded-client.ts). */
  readonly permits: WritePermits;
};

export function nodeGuard(g: { actor: Actor; cluster: ClusterRef; identities: Identity[]; override: boolean; reason?: string | null }): NodeGuard {
  let overridden = 0;
  const permits = new WritePermits();
  const guard = (nodes: TouchedNode[]) => {
    authorizeNodes(g.actor, g.cluster, nodes);
    for (const n of nodes) {
      if (n.action !== "set_acl") continue;
      const lockout = guardAclChange({ path: n.path, next: n.acl, current: n.current ?? null, identities: g.identities, override: g.override, reason: g.reason });
      if (lockout) overridden++;
    }
    permits.allow(nodes);
  };
  return Object.defineProperties(guard, { overridden: { get: () => overridden }, permits: { value: permits } }) as NodeGuard;
}
