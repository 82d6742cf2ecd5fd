import "server-only";
import { db } from "@/lib/core/db/client";
import type { Grant, User } from "@/lib/core/db/generated/prisma/client";
import { parseGroups } from "@/lib/access/grants";
import { isRole, type GrantRef } from "@/lib/access/roles";
import { SERVICE_PROVIDER } from "@/lib/core/actor";

/** Every user's effective grants from one read of the grant table (for the admin pages). */
export async function effectiveGrantsOfAll(users: User[]): Promise<Map<string, GrantRef[]>> {
  const grants = await db().grant.findMany({ orderBy: { createdAt: "asc" } });
  return new Map(users.map((u) => [u.id, effectiveGrants(u, grants)]));
}

export function effectiveGrants(user: User, grants: Grant[]): GrantRef[] {
  const groups = new Set(parseGroups(user.groups));
  const global: GrantRef[] = isRole(user.role) ? [{ role: user.role, clusterId: null, pathPrefix: null, via: "global role" }] : [];
  const granted = grants
    .filter((g) => isRole(g.role) && ((g.subjectType === "user" && g.subject === user.id) || (g.subjectType === "group" && groups.has(g.subject))))
    .map((g): GrantRef => ({ role: g.role as GrantRef["role"], clusterId: g.clusterId, pathPrefix: g.pathPrefix, via: g.subjectType === "group" ? `group ${g.subject}` : "user grant" }));
  return [...global, ...granted];
}

const isAdminGrant = (g: GrantRef) => g.role === "admin" && g.clusterId === null && !g.pathPrefix;

/** Enabled users that would still be global admins: a change must never leave none. */
export async function remainingAdmins(change: { users?: (u: User) => User; grants?: (g: Grant[]) => Grant[] } = {}): Promise<number> {
  const users = (await db().user.findMany()).map(change.users ?? ((u) => u));
  const grants = (change.grants ?? ((g) => g))(await db().grant.findMany());
  // A service account never signs in, so it cannot stand in for the last admin.
  return users.filter((u) => !u.disabled && u.provider !== SERVICE_PROVIDER && effectiveGrants(u, grants).some(isAdminGrant)).length;
}
