// The write check every mutation passes: the one permission check (lib/access/permissions) for each
// path touched, plus the rules that hold for everyone: read-only clusters refuse every write,
// the /zookeeper system tree is off limits, and / is never deleted.
import { errors } from "@/lib/core/errors";
import { authorize, canSeeCluster, notFoundCluster } from "../permissions";
import type { Actor } from "@/lib/core/actor";

/** "delete" needs what "write" needs; "admin" (ACL changes) needs admin on the path. */
export type WriteAction = "write" | "delete" | "admin";

export function authorizeWrite(actor: Actor, cluster: { id: string; name: string; readOnly: boolean }, paths: (string | null | undefined)[], action: WriteAction): void {
  if (!canSeeCluster(actor, cluster)) throw notFoundCluster(cluster.id);
  if (cluster.readOnly) {
    throw errors.readOnlyCluster(cluster.name);
  }
  for (const p of paths) {
    if (!p) continue;
    authorize(actor, action === "admin" ? "admin" : "write", cluster, p);
    if (p === "/" && action === "delete") throw errors.rootNotDeletable();
    if (p === "/zookeeper" || p.startsWith("/zookeeper/")) {
      throw errors.zookeeperTree(p);
    }
  }
}
