import "server-only";
import { errors } from "@/lib/core/errors";
import { db } from "@/lib/core/db/client";
import { canSeeCluster, isGlobalAdmin, requireGlobalAdmin } from "@/lib/access/permissions";
import type { Actor } from "@/lib/core/actor";
import { auditedDbChange } from "@/lib/access/audit/db-change";
import { auditJson } from "@/lib/access/audit/values";
import { withRedactedWebhook } from "@/lib/core/redact";
import type { RequestCtx } from "@/lib/core/context";
import { closeSession, sessionStatus } from "@/lib/core/zk/sessions";
import { getCluster } from "@/lib/access/clusters";
import { clusterInput, clusterPatch } from "./schema";
import { screenHosts } from "./host-allowlist";
import { checkSecurity, splitSecurity, type SecurityChange } from "./security-check";
import { saslColumns, securityView, tlsColumns, type SecurityColumns } from "./security";
import type { ClusterSecurityView } from "./security-schema";
import { sessionSecretsOf } from "@/lib/access/clusters";
import type { Prisma } from "@/lib/core/db/generated/prisma/client";
import { freeSlug } from "./slug";
import type { Cluster } from "@/lib/core/db/generated/prisma/client";

export type ClusterView = Omit<Cluster, "webhookUrl"> & { webhookUrl?: string | null; session: ReturnType<typeof sessionStatus>; security: ClusterSecurityView };

// The shown columns of the TLS/SASL settings, never the sealed ones.
const SHOWN = { select: { tlsFacts: true, verifyHostname: true, saslMechanism: true, saslIdentity: true, saslService: true } } as const;
type Row = Cluster & { security?: Partial<SecurityColumns> | null };

function view({ security, ...c }: Row): ClusterView {
  return { ...c, session: sessionStatus(c.id), security: securityView(security) };
}

/** What a user is shown: the webhook URL (it often embeds a token) only to admins, who set it. */
function viewFor(actor: Actor, c: Row): ClusterView {
  const shown = view(c);
  if (isGlobalAdmin(actor)) return shown;
  const { webhookUrl: _secret, ...rest } = shown;
  return rest;
}

/** Every registered cluster, unfiltered: for the console itself (demo, health), not for users. */
export async function listClusters(): Promise<ClusterView[]> {
  return (await db().cluster.findMany({ orderBy: { name: "asc" }, include: { security: SHOWN } })).map(view);
}

/** The clusters the actor holds any grant on; the others are not revealed. */
export async function listVisibleClusters(actor: Actor): Promise<ClusterView[]> {
  return (await db().cluster.findMany({ orderBy: { name: "asc" }, include: { security: SHOWN } })).filter((c) => canSeeCluster(actor, c)).map((c) => viewFor(actor, c));
}

const withSecurity = async (c: Cluster): Promise<Row> => ({ ...c, security: await db().clusterSecurity.findUnique({ where: { clusterId: c.id }, ...SHOWN }) });

export async function getClusterView(id: string): Promise<ClusterView> {
  return view(await withSecurity(await getCluster(id)));
}

/** One cluster, or 404 when the actor has no grant on it (same answer as an unknown id). */
export async function getVisibleClusterView(actor: Actor, id: string): Promise<ClusterView> {
  const cluster = await db().cluster.findUnique({ where: { id }, include: { security: SHOWN } });
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
/** A cluster row as its audit value: the webhook URL (often a token) redacted. */
const audited = (c: Cluster) => auditJson(withRedactedWebhook(c));

/** The audit's words for a security change: what was set or removed, never a secret. */
function securityAudit(change: SecurityChange) {
  const tls = change.tls === undefined ? undefined : change.tls ? { ca: change.tls.facts.ca.subject, client: change.tls.facts.client?.subject ?? null, verifyHostname: change.tls.options.verifyHostname } : "removed";
  const sasl = change.sasl === undefined ? undefined : change.sasl ? `${change.sasl.mechanism} ${change.sasl.mechanism === "DIGEST-MD5" ? change.sasl.username : change.sasl.principal}` : "removed";
  return tls === undefined && sasl === undefined ? {} : { security: { ...(tls !== undefined ? { tls } : {}), ...(sasl !== undefined ? { sasl } : {}), ...(change.forced ? { savedAnyway: true } : {}) } };
}

/** Writes the changed TLS/SASL columns (sealed to this cluster) in the registry's transaction. */
async function saveSecurity(tx: Prisma.TransactionClient, clusterId: string, change: SecurityChange) {
  if (change.tls === undefined && change.sasl === undefined) return;
  const columns = { ...(change.tls !== undefined ? tlsColumns(clusterId, change.tls) : {}), ...(change.sasl !== undefined ? saslColumns(clusterId, change.sasl) : {}) };
  const row = await tx.clusterSecurity.upsert({ where: { clusterId }, create: { clusterId, ...columns }, update: columns });
  if (!row.tlsSecret && !row.saslSecret) await tx.clusterSecurity.delete({ where: { clusterId } });
}

/** Register a cluster: admins only, audited in the same transaction. */
export async function registerCluster({ ctx, input }: { ctx: RequestCtx; input: unknown }): Promise<ClusterView> {
  requireGlobalAdmin(ctx.actor, "register clusters");
  const { rest, security } = splitSecurity(await screenHosts(input));
  const data = clusterInput.parse(rest);
  const change = await checkSecurity(security, { ...data, addressChanged: true });
  const created = await auditedDbChange(ctx, { operation: "cluster_create", details: { name: data.name, ...securityAudit(change) } },
    (tx) => uniqueName(async () => {
      const c = await tx.cluster.create({ data: { ...data, slug: await freeSlug(tx, data.name) } });
      await saveSecurity(tx, c.id, change);
      return c;
    }, data.name),
    (c) => ({ cluster: ref(c), after: audited(c) }));
  return getClusterView(created.id);
}

export async function changeCluster({ ctx, id, input }: { ctx: RequestCtx; id: string; input: unknown }): Promise<ClusterView> {
  requireGlobalAdmin(ctx.actor, "change cluster settings");
  const { rest, security } = splitSecurity(await screenHosts(input));
  const data = clusterPatch.parse(rest);
  const before = await getCluster(id);
  const address = { connectionString: data.connectionString ?? before.connectionString, sessionTimeoutMs: data.sessionTimeoutMs ?? before.sessionTimeoutMs, addressChanged: !!data.connectionString && data.connectionString !== before.connectionString };
  const checksNeeded = security.tls !== undefined || security.sasl !== undefined || address.addressChanged;
  const change = checksNeeded ? await checkSecurity(security, address, await sessionSecretsOf(before)) : { forced: false };
  const updated = await auditedDbChange(ctx, { operation: "cluster_update", cluster: ref(before), before: audited(before), details: securityAudit(change) },
    (tx) => uniqueName(async () => {
      const c = await tx.cluster.update({ where: { id }, data: data.name && data.name !== before.name ? { ...data, slug: await freeSlug(tx, data.name, id) } : data });
      await saveSecurity(tx, id, change);
      return c;
    }, data.name),
    (c) => ({ after: audited(c) }));
  // A changed address, timeout or security needs a new session; the manager notices on next use too.
  if (data.connectionString || data.sessionTimeoutMs || change.tls !== undefined || change.sasl !== undefined) closeSession(id);
  return getClusterView(updated.id);
}

export async function unregisterCluster({ ctx, id }: { ctx: RequestCtx; id: string }): Promise<void> {
  requireGlobalAdmin(ctx.actor, "remove clusters");
  const before = await getCluster(id);
  await auditedDbChange(ctx, { operation: "cluster_delete", cluster: ref(before), before: audited(before) }, (tx) => tx.cluster.delete({ where: { id } }));
  closeSession(id);
}
