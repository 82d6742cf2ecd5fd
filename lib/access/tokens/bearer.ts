// The actor of a request that carries an API token (`Authorization: Bearer zkc_…`): the token's
// user as it is now, cut down to the token's scope (scope.ts), refused when the token is unknown,
// revoked or expired or its user disabled, and rate limited per token. No cookie, no CSRF check:
// a cross-site page can neither read a token nor attach one.
import "server-only";
import type { Actor } from "@/lib/core/actor";
import { SERVICE_PROVIDER } from "@/lib/core/actor";
import { db } from "@/lib/core/db/client";
import type { ApiToken } from "@/lib/core/db/generated/prisma/client";
import { errors } from "@/lib/core/errors";
import { grantsFor, parseGroups } from "../grants";
import { isGlobalAdmin } from "../permissions";
import { isRole } from "../roles";
import { noteTokenUse } from "./last-used";
import { takeRequest } from "./rate-limit";
import { scopedGrants } from "./scope";
import { hashTokenSecret, isTokenShaped } from "./secret";

/** The token row by the digest of its secret (one indexed read; the place to cache it). */
export const tokenByDigest = (secretHash: string): Promise<ApiToken | null> => db().apiToken.findUnique({ where: { secretHash } });

/** The token's user as an actor with its current grants, and whether it is disabled. */
export async function tokenUser(userId: string): Promise<{ actor: Actor; disabled: boolean } | null> {
  const user = await db().user.findUnique({ where: { id: userId } });
  if (!user) return null;
  const groups = parseGroups(user.groups);
  return { disabled: user.disabled, actor: { id: user.id, username: user.username, name: user.name ?? user.username, role: user.role, provider: user.provider, groups, grants: await grantsFor(user.id, groups) } };
}

/** What the token may do as an actor: the audit trail names it `token "X" of Y`. */
export function tokenActor(user: Actor, token: ApiToken): Actor {
  const grants = scopedGrants(user, { role: isRole(token.role) ? token.role : null, clusterId: token.clusterId, pathPrefix: token.pathPrefix });
  // Metrics are an admin's view of every cluster: a personal token keeps the right while its user is
  // a global admin; a service account's token was given it by an admin.
  const metrics = token.metrics && (user.provider === SERVICE_PROVIDER || isGlobalAdmin(user));
  return {
    id: user.id, username: user.username, name: `token ${JSON.stringify(token.name)} of ${user.username}`, role: "none", provider: "token",
    groups: user.groups, grants, token: { id: token.id, name: token.name, readOnly: token.readOnly, metrics },
  };
}

const when = (d: Date) => d.toISOString();

export async function actorFromApiToken(secret: string, sourceIp: string | null, now = new Date()): Promise<Actor> {
  if (!isTokenShaped(secret)) throw errors.tokenRefused("it is not shaped like a console API token (zkc_ and 43 characters)");
  const token = await tokenByDigest(hashTokenSecret(secret));
  if (!token) throw errors.tokenRefused("no such token");
  if (token.revokedAt) throw errors.tokenRefused(`it was revoked at ${when(token.revokedAt)}`);
  if (token.expiresAt <= now) throw errors.tokenRefused(`it expired at ${when(token.expiresAt)}`);
  const user = await tokenUser(token.userId);
  if (!user || user.disabled) throw errors.tokenRefused(`its user ${user?.actor.username ?? token.userId} is disabled`);
  takeRequest(token.id, token.name);
  noteTokenUse(token.id, sourceIp);
  return tokenActor(user.actor, token);
}
