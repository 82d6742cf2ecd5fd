import "server-only";
import { db } from "@/lib/core/db/client";
import { errors } from "@/lib/core/errors";
import { auditedDbChange } from "@/lib/access/audit/db-change";
import { auditJson } from "@/lib/access/audit/values";
import type { User } from "@/lib/core/db/generated/prisma/client";
import type { RequestCtx } from "@/lib/core/context";
import { parseGroups } from "@/lib/access/grants";
import { requireGlobalAdmin } from "@/lib/access/permissions";
import { effectiveGrantsOfAll, remainingAdmins } from "./effective";
import { userPatch } from "./schema";

/** A user as admins see it (never the password hash). */
export const publicUser = (u: User) => ({
  id: u.id, username: u.username, name: u.name, provider: u.provider, role: u.role, disabled: u.disabled, mustChangePassword: u.mustChangePassword,
  groups: parseGroups(u.groups), groupsDropped: u.groupsDropped, createdAt: u.createdAt.toISOString(), lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
});

export async function listUsers({ ctx }: { ctx: RequestCtx }) {
  requireGlobalAdmin(ctx.actor, "manage users");
  const users = await db().user.findMany({ orderBy: { username: "asc" } });
  const grants = await effectiveGrantsOfAll(users);
  return { users: users.map((u) => ({ ...publicUser(u), grants: grants.get(u.id) ?? [] })) };
}

/** Enable/disable a user or change its global role. Disabling ends its sessions at its next request. */
export async function updateUser({ ctx, id, input }: { ctx: RequestCtx; id: string; input: unknown }) {
  requireGlobalAdmin(ctx.actor, "manage users");
  const patch = userPatch.parse(input);
  const before = await db().user.findUnique({ where: { id } });
  if (!before) throw errors.notFound(`no user with id ${JSON.stringify(id)}`);
  if (patch.disabled && id === ctx.actor.id) throw errors.selfLockout();
  const after = { ...before, ...patch };
  if ((await remainingAdmins({ users: (u) => (u.id === id ? after : u) })) === 0) {
    throw errors.lastAdmin("this change would leave the console without an enabled admin; make someone else admin first");
  }
  const data = { ...patch, ...(patch.disabled && !before.disabled ? { sessionsRevokedAt: new Date() } : {}) };
  const updated = await auditedDbChange(ctx,
    { operation: patch.disabled === undefined ? "user_update" : patch.disabled ? "user_disable" : "user_enable", path: null, before: auditJson(publicUser(before)), details: { userId: id, username: before.username } },
    (tx) => tx.user.update({ where: { id }, data }),
    (u) => ({ after: auditJson(publicUser(u)) }));
  return { user: publicUser(updated) };
}
