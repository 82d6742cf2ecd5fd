// THE session target of a registered cluster: address, timeout and its decrypted credentials.
// Every caller that opens a cluster's session must use it: a target with a different auth list
// replaces the session (lib/core/zk/sessions.ts fingerprints it).
import "server-only";
import type { Cluster } from "@/lib/core/db/generated/prisma/client";
import type { ZkClient } from "@/lib/core/zk/client";
import { getClient, type SessionTarget } from "@/lib/core/zk/sessions";
import { sessionAuthOf } from "@/lib/clusters/credentials";

export async function sessionTargetOf(cluster: Pick<Cluster, "id" | "name" | "connectionString" | "sessionTimeoutMs">): Promise<SessionTarget> {
  const auth = await sessionAuthOf(cluster);
  return { id: cluster.id, connectionString: cluster.connectionString, sessionTimeoutMs: cluster.sessionTimeoutMs, ...(auth.length ? { auth } : {}) };
}

/** The registered cluster's shared session (waits out a reconnect, see getClient). */
export async function clusterClient(cluster: Parameters<typeof sessionTargetOf>[0]): Promise<ZkClient> {
  return getClient(await sessionTargetOf(cluster));
}
