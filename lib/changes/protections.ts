// Protected path prefixes of a cluster: listed to anyone who sees the cluster, changed by its admins, audited.
import "server-only";
import type { RequestCtx } from "@/lib/core/context";
import type { Protection } from "@/lib/core/db/generated/prisma/client";
import { errors } from "@/lib/core/errors";
import { auditedDbChange } from "@/lib/access/audit/db-change";
import { auditJson } from "@/lib/access/audit/values";
import { clusterOf } from "@/lib/access/clusters";
import { authorize, canSeeCluster } from "@/lib/access/permissions";
import { protectionInput } from "./schema";

const publicProtection = (p: Protection) => ({ id: p.id, clusterId: p.clusterId, pathPrefix: p.pathPrefix, approvals: p.approvals, createdAt: p.createdAt.toISOString(), createdBy: p.createdBy });

export async function listProtections({ ctx, clusterId }: { ctx: RequestCtx; clusterId: string }) {
  const cluster = await clusterOf(ctx, clusterId);
  if (!canSeeCluster(ctx.actor, cluster)) throw errors.clusterNotFound(clusterId);
  const rows = await ctx.db.protection.findMany({ where: { clusterId }, orderBy: { pathPrefix: "asc" } });
  return { protections: rows.map(publicProtection) };
}

export async function createProtection({ ctx, clusterId, input }: { ctx: RequestCtx; clusterId: string; input: unknown }) {
  const cluster = await clusterOf(ctx, clusterId);
  authorize(ctx.actor, "admin", cluster, "/");
  const p = protectionInput.parse(input);
  if (await ctx.db.protection.findUnique({ where: { clusterId_pathPrefix: { clusterId, pathPrefix: p.pathPrefix } } })) throw errors.protectionExists(p.pathPrefix);
  const row = await auditedDbChange(ctx, { operation: "protection_create", cluster: { id: cluster.id, name: cluster.name }, path: p.pathPrefix, details: { approvals: p.approvals } },
    (tx) => tx.protection.create({ data: { clusterId, pathPrefix: p.pathPrefix, approvals: p.approvals, createdBy: ctx.actor.username } }),
    (r) => ({ after: auditJson(publicProtection(r)), details: { protectionId: r.id, approvals: r.approvals } }));
  return { protection: publicProtection(row) };
}

export async function deleteProtection({ ctx, clusterId, id }: { ctx: RequestCtx; clusterId: string; id: string }) {
  const cluster = await clusterOf(ctx, clusterId);
  authorize(ctx.actor, "admin", cluster, "/");
  const row = await ctx.db.protection.findUnique({ where: { id } });
  if (!row || row.clusterId !== clusterId) throw errors.notFound(`no protection with id ${JSON.stringify(id)} on cluster "${cluster.name}"`);
  await auditedDbChange(ctx, { operation: "protection_delete", cluster: { id: cluster.id, name: cluster.name }, path: row.pathPrefix, before: auditJson(publicProtection(row)), details: { protectionId: id } },
    (tx) => tx.protection.delete({ where: { id } }));
  return { ok: true } as const;
}
