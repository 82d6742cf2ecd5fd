import "server-only";
import { db } from "@/lib/core/db/client";
import { errors } from "@/lib/core/errors";
import { auditedDbChange } from "@/lib/access/audit/db-change";
import { auditJson } from "@/lib/access/audit/values";
import type { Grant } from "@/lib/core/db/generated/prisma/client";
import type { RequestCtx } from "@/lib/core/context";
import { requireGlobalAdmin } from "@/lib/access/permissions";
import { remainingAdmins } from "./effective";
import { grantInput } from "./schema";

const publicGrant = (g: Grant & { cluster?: { name: string } | null }) => ({
  id: g.id, subjectType: g.subjectType, subject: g.subject, role: g.role, clusterId: g.clusterId, clusterName: g.cluster?.name ?? null,
  pathPrefix: g.pathPrefix, createdAt: g.createdAt.toISOString(), createdBy: g.createdBy,
});

export async function listGrants({ ctx }: { ctx: RequestCtx }) {
  requireGlobalAdmin(ctx.actor, "manage grants");
  const grants = await db().grant.findMany({ include: { cluster: { select: { name: true } } }, orderBy: [{ subjectType: "asc" }, { subject: "asc" }, { createdAt: "asc" }] });
  return { grants: grants.map(publicGrant) };
}

/** Grant a role to a user or to an IdP group (a group mapping), globally, on a cluster, or under a path. */
export async function createGrant({ ctx, input }: { ctx: RequestCtx; input: unknown }) {
  requireGlobalAdmin(ctx.actor, "manage grants");
  const g = grantInput.parse(input);
  const clusterId = g.clusterId ?? null;
  const pathPrefix = g.pathPrefix && g.pathPrefix !== "/" ? g.pathPrefix : null;
  if (g.subjectType === "user" && !(await db().user.findUnique({ where: { id: g.subject } }))) throw errors.badRequest(`subject: no user with id ${JSON.stringify(g.subject)}`);
  const cluster = clusterId ? await db().cluster.findUnique({ where: { id: clusterId } }) : null;
  if (clusterId && !cluster) throw errors.badRequest(`clusterId: no cluster with id ${JSON.stringify(clusterId)} is registered`);
  const same = await db().grant.findFirst({ where: { subjectType: g.subjectType, subject: g.subject, clusterId, pathPrefix } });
  if (same) throw errors.grantExists(`${g.subjectType} ${g.subject}`, same.role);
  const data = { subjectType: g.subjectType, subject: g.subject, role: g.role, clusterId, pathPrefix, createdBy: ctx.actor.username };
  const created = await auditedDbChange(ctx,
    { operation: "grant_create", cluster: cluster ? { id: cluster.id, name: cluster.name } : null, path: pathPrefix },
    (tx) => tx.grant.create({ data, include: { cluster: { select: { name: true } } } }),
    (row) => ({ after: auditJson(publicGrant(row)), details: { grantId: row.id } }));
  return { grant: publicGrant(created) };
}

export async function deleteGrant({ ctx, id }: { ctx: RequestCtx; id: string }) {
  requireGlobalAdmin(ctx.actor, "manage grants");
  const grant = await db().grant.findUnique({ where: { id }, include: { cluster: { select: { name: true } } } });
  if (!grant) throw errors.notFound(`no grant with id ${JSON.stringify(id)}`);
  if ((await remainingAdmins({ grants: (all) => all.filter((x) => x.id !== id) })) === 0) {
    throw errors.lastAdmin("removing this grant would leave the console without an enabled admin");
  }
  await auditedDbChange(ctx,
    { operation: "grant_delete", cluster: grant.clusterId ? { id: grant.clusterId, name: grant.cluster?.name ?? grant.clusterId } : null, path: grant.pathPrefix, before: auditJson(publicGrant(grant)), details: { grantId: id } },
    (tx) => tx.grant.delete({ where: { id } }));
  return { ok: true } as const;
}

/** IdP groups seen at sign-in, with how many users carry each and the grants mapped to it. */
export async function listGroups({ ctx }: { ctx: RequestCtx }) {
  requireGlobalAdmin(ctx.actor, "manage grants");
  const [users, grants] = await Promise.all([db().user.findMany({ select: { groups: true } }), listGrants({ ctx })]);
  const members = new Map<string, number>();
  for (const u of users) for (const g of JSON.parse(u.groups || "[]") as unknown[]) if (typeof g === "string") members.set(g, (members.get(g) ?? 0) + 1);
  const mapped = grants.grants.filter((g) => g.subjectType === "group");
  const names = [...new Set([...members.keys(), ...mapped.map((g) => g.subject)])].sort();
  return { groups: names.map((name) => ({ name, members: members.get(name) ?? 0, grants: mapped.filter((g) => g.subject === name) })) };
}
