// The one way to a registered cluster's ZooKeeper session: its target (address, timeout, the
// decrypted credentials and TLS/SASL settings: a target with different ones replaces the session, see
// lib/core/zk/sessions.ts) and, for a user's request, the read check before the session is opened.
import "server-only";
import type { ClusterSession, RequestCtx } from "@/lib/core/context";
import type { Cluster } from "@/lib/core/db/generated/prisma/client";
import type { ZkClient } from "@/lib/core/zk/client";
import { getClient, type SessionTarget } from "@/lib/core/zk/sessions";
import { clusterOf, sessionSecretsOf, type SessionSecrets } from "./clusters";
import { authorize, can } from "./permissions";

type ClusterAddress = Pick<Cluster, "id" | "name" | "connectionString" | "sessionTimeoutMs">;

// The same target object for as long as the cluster's address and identities stay the same, so
// the session registry knows it by identity (no fingerprint per call).
const targets = new Map<string, { target: SessionTarget; secrets: SessionSecrets }>();

export async function sessionTargetOf(cluster: ClusterAddress): Promise<SessionTarget> {
  const secrets = await sessionSecretsOf(cluster);
  const known = targets.get(cluster.id);
  if (known && known.secrets === secrets && known.target.connectionString === cluster.connectionString && known.target.sessionTimeoutMs === cluster.sessionTimeoutMs) return known.target;
  const { auth, tls, sasl } = secrets;
  const target: SessionTarget = { id: cluster.id, connectionString: cluster.connectionString, sessionTimeoutMs: cluster.sessionTimeoutMs, ...(auth.length ? { auth } : {}), ...(tls ? { tls } : {}), ...(sasl ? { sasl } : {}) };
  targets.set(cluster.id, { target, secrets });
  return target;
}

/**
 * The registered cluster's shared session without a user's read check: for the mutation pipeline
 * (which authorizes each node itself), the watch hub and the health sampler. Waits out a reconnect.
 */
export async function clusterClient(cluster: ClusterAddress): Promise<ZkClient> {
  return getClient(await sessionTargetOf(cluster));
}

/** The cluster and its shared session, after the read check for `path` (what `ctx.clusterSession` does). */
export async function sessionFor(ctx: RequestCtx, clusterId: string, path = "/"): Promise<ClusterSession> {
  const cluster = await clusterOf(ctx, clusterId);
  authorize(ctx.actor, "read", cluster, path);
  const target = await sessionTargetOf(cluster);
  const client = await getClient(target);
  return { cluster, client, target };
}

/** What the actor may do at `path`, so the UI shows only the controls that will work. */
export function permissionsAt(ctx: RequestCtx, cluster: Cluster, path: string) {
  return {
    write: !cluster.readOnly && can(ctx.actor, "write", cluster, path),
    admin: can(ctx.actor, "admin", cluster, path),
  };
}
