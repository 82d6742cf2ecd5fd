import "server-only";
import { getCluster } from "../clusters/registry";
import { getClient } from "../zk/sessions";
import type { ZkClient } from "../zk/client";

/** The shared session of a registered cluster. */
export async function clientFor(clusterId: string): Promise<ZkClient> {
  const c = await getCluster(clusterId);
  return getClient({ id: c.id, connectionString: c.connectionString, sessionTimeoutMs: c.sessionTimeoutMs });
}
