import "server-only";
import { errors } from "@/lib/core/errors";
import { db } from "@/lib/core/db/client";
import { canSeeCluster, isGlobalAdmin, requireGlobalAdmin } from "@/lib/access/permissions";
import type { Actor } from "@/lib/core/actor";
import { auditedDbChange } from "@/lib/access/audit/db-change";
import { auditJson } from "@/lib/access/audit/values";
import type { RequestCtx } from "@/lib/core/context";
import { closeSession, sessionStatus } from "@/lib/core/zk/sessions";
import { getCluster } from "@/lib/access/clusters";
import { clusterInput, clusterPatch } from "./schema";
import { screenHosts } from "./host-allowlist";
import { refuseTls } from "./tls-check";
import { freeSlug } from "./slug";
import type { Cluster } from "@/lib/core/db/generated/prisma/client";

export type ClusterView = Omit<Cluster, "webhookUrl"> & { webhookUrl?: string | null; session: ReturnType<typeof sessionStatus> };

const view = (c: Cluster): ClusterView => ({ ...c, session: sessionStatus(c.id) });

/** What a user is shown: the webhook URL (it often embeds a token) only to admins, who set it. */
function viewFor(actor: Actor, c: Cluster): ClusterView {
  if (isGlobalAdmin(actor)) return view(c);
  const { webhookUrl: _secret, ...rest } = c;
  return { ...rest, session: sessionStatus(c.id) };
}

/** Every registered cluster, unfiltered: for the console itself (demo, health), not for users. */
export async function listClusters(): Promise<ClusterView[]> {
  return (await db().cluster.findMany({ orderBy: { name: "asc" } })).map(view);
}

/** The clusters the actor holds any grant on; the others are not revealed. */
export async function listVisibleClusters(actor: Actor): Promise<ClusterView[]> {
  return (await db().cluster.findMany({ orderBy: { name: "asc" } })).filter((c) => canSeeCluster(actor, c)).map((c) => viewFor(actor, c));
}

export async function getClusterView(id: string): Promise<ClusterView> {
  return view(await getCluster(id));
}

/** One cluster, or 404 when the actor has no grant on it (same answer as an unknown id). */
export async function getVisibleClusterView(actor: Actor, id: string): Promise<ClusterView> {
  const cluster = await db().cluster.findUnique({ where: { id } });
  if (!cluster || !canSeeCluster(actor, cluster)) throw errors.clusterNotFound(id);
  return viewFor(actor, cluster);
}

async function uniqueName<T>(op: () => Promise<T>, name?: string): Promise<T> {
  try {
    return await op();
  } catch (e) {
    if ((e as { code?: string }).code === "P2002") throw errors.clusterExists(name);
    throw e;
  }
}

/** Without authorization or audit: for the console itself and test set-up. Users go through registerCluster. */
export async function createCluster(input: unknown): Promise<ClusterView> {
  const data = clusterInput.parse(input);
  return view(await uniqueName(async () => db().cluster.create({ data: { ...data, slug: await freeSlug(db(), data.name) } }), data.name));
}

const ref = (c: Cluster) => ({ id: c.id, name: c.name });

/** Register a cluster: admins only, audited in the same transaction. */
export async function registerCluster({ ctx, input }: { ctx: RequestCtx; input: unknown }): Promise<ClusterView> {
  requireGlobalAdmin(ctx.actor, "register clusters");
  const data = clusterInput.parse(await refuseTls(await screenHosts(input)));
  const created = await auditedDbChange(ctx, { operation: "cluster_create", details: { name: data.name } },
    (tx) => uniqueName(async () => tx.cluster.create({ data: { ...data, slug: await freeSlug(tx, data.name) } }), data.name),
    (c) => ({ cluster: ref(c), after: auditJson(c) }));
  return view(created);
}

export async function changeCluster({ ctx, id, input }: { ctx: RequestCtx; id: string; input: unknown }): Promise<ClusterView> {
  requireGlobalAdmin(ctx.actor, "change cluster settings");
  const data = clusterPatch.parse(await refuseTls(await screenHosts(input)));
  const before = await getCluster(id);
  const updated = await auditedDbChange(ctx, { operation: "cluster_update", cluster: ref(before), before: auditJson(before) },
    (tx) => uniqueName(async () => tx.cluster.update({ where: { id }, data: data.name && data.name !== before.name ? { ...data, slug: await freeSlug(tx, data.name, id) } : data }), data.name),
    (c) => ({ after: auditJson(c) }));
  // A changed address or timeout needs a new session; the manager notices on next use too.
  if (data.connectionString || data.sessionTimeoutMs) closeSession(id);
  return view(updated);
}

export async function unregisterCluster({ ctx, id }: { ctx: RequestCtx; id: string }): Promise<void> {
  requireGlobalAdmin(ctx.actor, "remove clusters");
  const before = await getCluster(id);
  await auditedDbChange(ctx, { operation: "cluster_delete", cluster: ref(before), before: auditJson(before) }, (tx) => tx.cluster.delete({ where: { id } }));
  closeSession(id);
}
