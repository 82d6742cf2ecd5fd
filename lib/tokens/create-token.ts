// Make an API token for yourself, or (admins) for a service account. The secret is answered once
// and only its digest kept; the token can never do more than its user (scope ∩ user's rights).
import "server-only";
import { SERVICE_PROVIDER } from "@/lib/core/actor";
import type { RequestCtx } from "@/lib/core/context";
import { errors } from "@/lib/core/errors";
import { auditedDbChange } from "@/lib/access/audit/db-change";
import { auditJson } from "@/lib/access/audit/values";
import { canSeeCluster, isGlobalAdmin, requireGlobalAdmin } from "@/lib/access/permissions";
import { tokenActor, tokenUser } from "@/lib/access/tokens/bearer";
import { newTokenSecret } from "@/lib/access/tokens/secret";
import { createTokenInput } from "./schema";
import { tokenView, withUser } from "./view";

const DAY_MS = 24 * 60 * 60 * 1000;
const isUniqueViolation = (e: unknown) => (e as { code?: string }).code === "P2002";

export async function createToken({ ctx, input }: { ctx: RequestCtx; input: unknown }) {
  const t = createTokenInput.parse(input);
  if (t.serviceAccountId) requireGlobalAdmin(ctx.actor, "make tokens for service accounts");
  if (t.metrics && !isGlobalAdmin(ctx.actor)) throw errors.adminOnly("give a token the metrics scope");
  const owner = t.serviceAccountId ? await tokenUser(t.serviceAccountId) : await tokenUser(ctx.actor.id);
  if (!owner || (t.serviceAccountId && owner.actor.provider !== SERVICE_PROVIDER)) throw errors.badRequest(`serviceAccountId: no service account with id ${JSON.stringify(t.serviceAccountId)}`);
  const clusterId = t.clusterId ?? null;
  const cluster = clusterId ? await ctx.db.cluster.findUnique({ where: { id: clusterId } }) : null;
  if (clusterId && (!cluster || !canSeeCluster(ctx.actor, cluster))) throw errors.clusterNotFound(clusterId);
  const pathPrefix = t.pathPrefix && t.pathPrefix !== "/" ? t.pathPrefix : null;

  const { token, secretHash, hint } = newTokenSecret();
  const data = {
    name: t.name, userId: owner.actor.id, createdById: ctx.actor.id, secretHash, hint, role: t.role, clusterId, pathPrefix,
    readOnly: t.readOnly ?? false, metrics: t.metrics ?? false, expiresAt: new Date(Date.now() + t.expiresInDays * DAY_MS),
  };
  // What it may do now; it may be nothing yet (rights are evaluated at every request, so a grant
  // given later to the user or service account reaches the token).
  const effective = tokenActor(owner.actor, { ...data, id: "", createdAt: new Date(), revokedAt: null, revokedById: null }).grants ?? [];
  try {
    const row = await auditedDbChange(ctx,
      { operation: "token_create", cluster: cluster && { id: cluster.id, name: cluster.name }, path: pathPrefix, details: { name: t.name, owner: owner.actor.username } },
      (tx) => tx.apiToken.create({ data, include: withUser }),
      (row) => ({ after: auditJson(tokenView(row, { clusterName: cluster?.name })), details: { tokenId: row.id, name: row.name, owner: owner.actor.username } }));
    return { token, apiToken: tokenView(row, { clusterName: cluster?.name, createdBy: ctx.actor.username }), effective };
  } catch (e) {
    if (isUniqueViolation(e)) throw errors.tokenExists(t.name);
    throw e;
  }
}
