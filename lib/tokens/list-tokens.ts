import "server-only";
import { SERVICE_PROVIDER } from "@/lib/core/actor";
import type { RequestCtx } from "@/lib/core/context";
import { isGlobalAdmin } from "@/lib/access/permissions";
import { tokenViews, withUser } from "./view";

/** Your own tokens, newest first; admins also see every service account's. */
export async function listTokens({ ctx }: { ctx: RequestCtx }) {
  const mine = { userId: ctx.actor.id };
  const where = isGlobalAdmin(ctx.actor) ? { OR: [mine, { user: { provider: SERVICE_PROVIDER } }] } : mine;
  const rows = await ctx.db.apiToken.findMany({ where, include: withUser, orderBy: { createdAt: "desc" }, take: 1000 });
  return { tokens: await tokenViews(rows) };
}
