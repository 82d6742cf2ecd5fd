// Service accounts: users made by admins (provider "service") that never sign in and act only
// through their API tokens. Their rights are a global role plus grants like anyone's (Admin →
// Grants); disabling one (Admin → Users) stops all its tokens at their next request.
import "server-only";
import { SERVICE_PROVIDER } from "@/lib/core/actor";
import type { RequestCtx } from "@/lib/core/context";
import { errors } from "@/lib/core/errors";
import { auditedDbChange } from "@/lib/access/audit/db-change";
import { auditJson } from "@/lib/access/audit/values";
import { requireGlobalAdmin } from "@/lib/access/permissions";
import type { User } from "@/lib/core/db/generated/prisma/client";
import { serviceAccountInput } from "./schema";

const view = (u: User, activeTokens = 0) => ({ id: u.id, username: u.username, role: u.role, disabled: u.disabled, createdAt: u.createdAt.toISOString(), activeTokens });

export async function listServiceAccounts({ ctx }: { ctx: RequestCtx }) {
  requireGlobalAdmin(ctx.actor, "manage service accounts");
  const accounts = await ctx.db.user.findMany({ where: { provider: SERVICE_PROVIDER }, orderBy: { username: "asc" } });
  const counts = await ctx.db.apiToken.groupBy({ by: ["userId"], where: { userId: { in: accounts.map((a) => a.id) }, revokedAt: null, expiresAt: { gt: new Date() } }, _count: true });
  const active = new Map(counts.map((c) => [c.userId, c._count]));
  return { serviceAccounts: accounts.map((a) => view(a, active.get(a.id) ?? 0)) };
}

export async function createServiceAccount({ ctx, input }: { ctx: RequestCtx; input: unknown }) {
  requireGlobalAdmin(ctx.actor, "manage service accounts");
  const s = serviceAccountInput.parse(input);
  if (await ctx.db.user.findUnique({ where: { username: s.name } })) throw errors.serviceAccountExists(s.name);
  const user = await auditedDbChange(ctx,
    { operation: "service_account_create", path: null, details: { username: s.name } },
    (tx) => tx.user.create({ data: { username: s.name, name: s.name, provider: SERVICE_PROVIDER, role: s.role ?? "none" } }),
    (u) => ({ after: auditJson(view(u)), details: { userId: u.id, username: u.username } }));
  return { serviceAccount: view(user) };
}
