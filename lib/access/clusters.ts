// Registered clusters as the access layer reads them: the row, and the decrypted identities
// (cluster credentials) its session adds on every (re)connect. Registering and changing clusters
// and their credentials are verbs of lib/clusters.
import "server-only";
import { db } from "@/lib/core/db/client";
import type { RequestCtx } from "@/lib/core/context";
import type { Cluster } from "@/lib/core/db/generated/prisma/client";
import { errors } from "@/lib/core/errors";
import type { AuthIdentity } from "@/lib/core/zk/sessions";
import { credentialAad, openCredential } from "./credentials-crypto";
import { credentialKey, KEY_ENV, KEY_HINT } from "./credentials-key";

/** The registered cluster, whoever asks (callers check permissions); 404 for an unknown id. */
export async function getCluster(id: string): Promise<Cluster> {
  const cluster = await db().cluster.findUnique({ where: { id } });
  if (!cluster) throw errors.clusterNotFound(id);
  return cluster;
}

// One lookup per request: the route's permission check and the verb's session share it.
const perRequest = new WeakMap<RequestCtx, Map<string, Promise<Cluster>>>();

/** getCluster, remembered for the rest of the request. */
export function clusterOf(ctx: RequestCtx, id: string): Promise<Cluster> {
  let seen = perRequest.get(ctx);
  if (!seen) perRequest.set(ctx, (seen = new Map()));
  let cluster = seen.get(id);
  if (!cluster) seen.set(id, (cluster = getCluster(id)));
  return cluster;
}

/** The decrypted identities a cluster's session adds on every (re)connect. */
export async function sessionAuthOf(cluster: { id: string; name: string }): Promise<AuthIdentity[]> {
  const rows = await db().clusterCredential.findMany({ where: { clusterId: cluster.id }, orderBy: { createdAt: "asc" } });
  if (rows.length === 0) return [];
  const { key, problem } = credentialKey();
  if (!key) throw errors.credentialsLocked(cluster.name, rows.length, problem, KEY_HINT);
  return rows.map((r) => {
    const credential = openCredential(r.secret, key, credentialAad(r.clusterId, r.scheme));
    if (credential === null) throw errors.credentialUndecryptable(r.label, cluster.name, KEY_ENV);
    return { scheme: r.scheme, credential };
  });
}
