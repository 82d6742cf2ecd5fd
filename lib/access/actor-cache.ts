// What a user may do, resolved once and kept in memory: the user (never its password hash), its
// disabled flag and revocation instant, its IdP groups and grants (its own and its groups'). Any
// change of the user, of any grant (a group mapping is a grant) or of a cluster (deleting one
// deletes its grants) drops it, so the next request sees the change (lib/core/invalidation.ts).
// A session (lib/access/session.ts) and an API token resolve to the same cached access.
import "server-only";
import type { Actor } from "@/lib/core/actor";
import { db } from "@/lib/core/db/client";
import { onInvalidate, type InvalidationKind } from "@/lib/core/invalidation";
import { KeyedCache } from "@/lib/core/keyed-cache";
import { grantsFor, parseGroups } from "./grants";

export type UserAccess = {
  actor: Actor;
  disabled: boolean;
  /** Sessions issued at or before this instant (ms) are refused; null when never revoked. */
  sessionsRevokedAt: number | null;
  /** Ids (`sid`) of the user's sessions that were signed out and have not expired yet. */
  signedOut: ReadonlySet<string>;
};

/** The invalidations that can change what an actor may do. */
export const ACCESS_KINDS: InvalidationKind[] = ["user", "grant", "cluster", "token"];

const MAX_USERS = 10_000;
const cache = new KeyedCache<string, UserAccess | null>(MAX_USERS).dropOn(["user"]).dropOn(["grant", "cluster"], () => null);

async function load(userId: string): Promise<UserAccess | null> {
  const user = await db().user.findUnique({
    where: { id: userId },
    select: { id: true, username: true, name: true, role: true, provider: true, groups: true, disabled: true, sessionsRevokedAt: true, mustChangePassword: true },
  });
  if (!user) return null;
  const groups = parseGroups(user.groups);
  const grants = await grantsFor(user.id, groups);
  const actor: Actor = { id: user.id, username: user.username, name: user.name ?? user.username, role: user.role, provider: user.provider, groups, grants, mustChangePassword: user.mustChangePassword };
  // Shared by every request of the user until the next change: nobody may alter it.
  Object.freeze(groups);
  for (const g of grants) Object.freeze(g);
  Object.freeze(grants);
  const signedOut = await db().signedOutSession.findMany({ where: { userId: user.id, expiresAt: { gt: new Date() } }, select: { sid: true } });
  return { actor: Object.freeze(actor), disabled: user.disabled, sessionsRevokedAt: user.sessionsRevokedAt?.getTime() ?? null, signedOut: new Set(signedOut.map((s) => s.sid)) };
}

/** The user's access (cached), or null for an unknown user. */
export function userAccess(userId: string): Promise<UserAccess | null> {
  return cache.get(userId, load);
}

/**
 * Calls `fn` after any change that may alter what actors may do (a user, a grant, a cluster, a
 * token); returns the unsubscribe. For holders of long-lived access such as live streams.
 */
export function onAccessChange(fn: () => void): () => void {
  // After the current delivery: every cache has dropped its entry by then, so `fn` reloads.
  const offs = ACCESS_KINDS.map((kind) => onInvalidate(kind, () => queueMicrotask(fn)));
  return () => offs.forEach((off) => off());
}
