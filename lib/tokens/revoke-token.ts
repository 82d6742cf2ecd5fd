import "server-only";
import type { RequestCtx } from "@/lib/core/context";
import { errors } from "@/lib/core/errors";
import { auditedDbChange } from "@/lib/access/audit/db-change";
import { auditJson } from "@/lib/access/audit/values";
import { isGlobalAdmin } from "@/lib/access/permissions";
import { tokenView, withUser } from "./view";

/** Revoke a token: its owner, or an admin (any token). It is refused from the next request on. */
export async function revokeToken({ ctx, id }: { ctx: RequestCtx; id: string }) {
  const token = await ctx.db.apiToken.findUnique({ where: { id }, include: withUser });
  // Someone else's token does not exist for a non-admin.
  if (!token || (token.userId !== ctx.actor.id && !isGlobalAdmin(ctx.actor))) throw errors.notFound(`no API token with id ${JSON.stringify(id)}`);
  if (token.revokedAt) return { apiToken: tokenView(token) };
  const row = await auditedDbChange(ctx,
    { operation: "token_revoke", path: token.pathPrefix, before: auditJson(tokenView(token)), details: { tokenId: id, name: token.name, owner: token.user.username } },
    (tx) => tx.apiToken.update({ where: { id }, data: { revokedAt: new Date(), revokedById: ctx.actor.id }, include: withUser }),
    (r) => ({ after: auditJson(tokenView(r)) }));
  return { apiToken: tokenView(row) };
}
