// A token as its owner and admins see it: never the secret or its digest.
import "server-only";
import { SERVICE_PROVIDER } from "@/lib/core/actor";
import { db } from "@/lib/core/db/client";
import type { ApiToken, ApiTokenUse, User } from "@/lib/core/db/generated/prisma/client";
import { pendingTokenUse } from "@/lib/access/tokens/last-used";
import { isRole } from "@/lib/access/roles";
import type { TokenView } from "./schema";

export type TokenRow = ApiToken & { user: Pick<User, "id" | "username" | "provider"> };
export const withUser = { user: { select: { id: true, username: true, provider: true } } } as const;

const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;

export function tokenView(t: TokenRow, extra: { clusterName?: string | null; createdBy?: string | null; use?: ApiTokenUse | null } = {}, now = new Date()): TokenView {
  const pending = pendingTokenUse(t.id);
  const stored = extra.use;
  const use = pending && (!stored || pending.at > stored.lastUsedAt) ? { lastUsedAt: pending.at, lastUsedIp: pending.ip } : stored;
  return {
    id: t.id, name: t.name, hint: t.hint,
    owner: { id: t.user.id, username: t.user.username, serviceAccount: t.user.provider === SERVICE_PROVIDER },
    createdBy: extra.createdBy ?? null,
    role: isRole(t.role) ? t.role : null, clusterId: t.clusterId, clusterName: extra.clusterName ?? null, pathPrefix: t.pathPrefix,
    readOnly: t.readOnly, metrics: t.metrics,
    status: t.revokedAt ? "revoked" : t.expiresAt <= now ? "expired" : "active",
    expiresAt: t.expiresAt.toISOString(), createdAt: t.createdAt.toISOString(), revokedAt: iso(t.revokedAt),
    lastUsedAt: iso(use?.lastUsedAt), lastUsedIp: use?.lastUsedIp ?? null,
  };
}

/** Views of many tokens with their cluster names, creators and last uses, in three reads. */
export async function tokenViews(rows: TokenRow[]): Promise<TokenView[]> {
  const ids = rows.map((t) => t.id);
  const [uses, clusters, creators] = await Promise.all([
    db().apiTokenUse.findMany({ where: { tokenId: { in: ids } } }),
    db().cluster.findMany({ where: { id: { in: rows.flatMap((t) => (t.clusterId ? [t.clusterId] : [])) } }, select: { id: true, name: true } }),
    db().user.findMany({ where: { id: { in: [...new Set(rows.map((t) => t.createdById))] } }, select: { id: true, username: true } }),
  ]);
  const use = new Map(uses.map((u) => [u.tokenId, u]));
  const cluster = new Map(clusters.map((c) => [c.id, c.name]));
  const creator = new Map(creators.map((u) => [u.id, u.username]));
  return rows.map((t) => tokenView(t, { use: use.get(t.id), clusterName: t.clusterId ? cluster.get(t.clusterId) ?? null : null, createdBy: creator.get(t.createdById) ?? null }));
}
