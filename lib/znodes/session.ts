import "server-only";
import { authorize } from "../auth/permissions";
import { getCluster } from "../clusters/registry";
import type { RequestCtx } from "../mutations/context";
import { getClient } from "../zk/sessions";
import type { ZkClient } from "../zk/client";

/** The shared session of a registered cluster, after the read check for `path`. */
export async function clientFor(ctx: RequestCtx, clusterId: string, path = "/"): Promise<ZkClient> {
  const c = await getCluster(clusterId);
  authorize(ctx.actor, "read", c, path);
  return getClient({ id: c.id, connectionString: c.connectionString, sessionTimeoutMs: c.sessionTimeoutMs });
}
