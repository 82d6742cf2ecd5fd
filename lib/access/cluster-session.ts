import "server-only";
import { authorize, can } from "./permissions";
import { getCluster } from "@/lib/clusters/registry";
import { sessionTargetOf } from "./session-target";
import type { RequestCtx } from "@/lib/core/context";
import { getClient, type SessionTarget } from "@/lib/core/zk/sessions";
import type { ZkClient } from "@/lib/core/zk/client";
import type { Cluster } from "@/lib/core/db/generated/prisma/client";

/** The cluster and its shared session (with the cluster's credentials), after the read check for `path`. */
export async function sessionFor(ctx: RequestCtx, clusterId: string, path = "/"): Promise<{ cluster: Cluster; client: ZkClient; target: SessionTarget }> {
  const cluster = await getCluster(clusterId);
  authorize(ctx.actor, "read", cluster, path);
  const target = await sessionTargetOf(cluster);
  const client = await getClient(target);
  return { cluster, client, target };
}

export async function clientFor(ctx: RequestCtx, clusterId: string, path = "/"): Promise<ZkClient> {
  return (await sessionFor(ctx, clusterId, path)).client;
}

/** What the actor may do at `path`, so the UI shows only the controls that will work. */
export function permissionsAt(ctx: RequestCtx, cluster: Cluster, path: string) {
  return {
    write: !cluster.readOnly && can(ctx.actor, "write", cluster, path),
    admin: can(ctx.actor, "admin", cluster, path),
  };
}
