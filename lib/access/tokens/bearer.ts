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
import { KeyedCache } from "@/lib/core/keyed-cache";
import { userAccess } from "../actor-cache";
import { isGlobalAdmin } from "../permissions";
import { isRole } from "../roles";
import { noteTokenUse } from "./last-used";
import { takeRequest } from "./rate-limit";
import { scopedGrants } from "./scope";
import { hashTokenSecret, isTokenShaped } from "./secret";

// Token rows by digest, in memory until any token changes (created, revoked, deleted: rare; the
// last-use writes go to another table and change nothing here). Its user's access is cached by
// lib/access/actor-cache.ts. Unknown digests are not kept: guesses cannot push real tokens out.
const MAX_TOKENS = 10_000;
const rows = new KeyedCache<string, ApiToken>(MAX_TOKENS).dropOn(["token"], () => null);
const NOT_FOUND = new Error("no such token");

/** The token row by the digest of its secret (cached), or null. Shared: never change it. */
export const tokenByDigest = (secretHash: string): Promise<ApiToken | null> =>
  rows.get(secretHash, async (digest) => (await db().apiToken.findUnique({ where: { secretHash: digest } })) ?? Promise.reject(NOT_FOUND))
    .catch((e) => (e === NOT_FOUND ? null : Promise.reject(e)));

/** The token's user as an actor with its current grants, and whether it is disabled (cached). */
export async function tokenUser(userId: string): Promise<{ actor: Actor; disabled: boolean } | null> {
  const access = await userAccess(userId);
  return access && { actor: access.actor, disabled: access.disabled };
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

/** The token's actor now, or a typed refusal (forged, unknown, revoked, expired, user disabled). */
async function resolveToken(secret: string, now: Date): Promise<{ actor: Actor; token: ApiToken }> {
  if (!isTokenShaped(secret)) throw errors.tokenRefused("it is not shaped like a console API token (zkc_ and 43 characters)");
  const token = await tokenByDigest(hashTokenSecret(secret));
  if (!token) throw errors.tokenRefused("no such token");
  if (token.revokedAt) throw errors.tokenRefused(`it was revoked at ${when(token.revokedAt)}`);
  if (token.expiresAt <= now) throw errors.tokenRefused(`it expired at ${when(token.expiresAt)}`);
  const user = await tokenUser(token.userId);
  if (!user || user.disabled) throw errors.tokenRefused(`its user ${user?.actor.username ?? token.userId} is disabled`);
  return { actor: tokenActor(user.actor, token), token };
}

export async function actorFromApiToken(secret: string, sourceIp: string | null, now = new Date()): Promise<Actor> {
  const { actor, token } = await resolveToken(secret, now);
  takeRequest(token.id, token.name);
  noteTokenUse(token.id, sourceIp);
  return actor;
}

/** Who the token stands for now (a live stream asks again after a change), or null once refused. */
export const currentTokenActor = (secret: string): Promise<Actor | null> => resolveToken(secret, new Date()).then((r) => r.actor, () => null);
