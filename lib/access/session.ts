import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { decode, getToken } from "next-auth/jwt";
import type { NextRequest } from "next/server";
import { SERVICE_PROVIDER, type Actor } from "@/lib/core/actor";
import { errors } from "@/lib/core/errors";
import { KeyedCache } from "@/lib/core/keyed-cache";
import { userAccess } from "./actor-cache";
import { isGlobalAdmin } from "./permissions";
import { sessionMaxAgeSeconds } from "./session-age";

/** What the session cookie (a next-auth JWT) carries about the user. */
export type SessionClaims = { uid?: unknown; loginAt?: unknown; exp?: unknown; sid?: unknown };

/**
 * The one identity choke point: the enabled user behind a session token, with its grants, or null.
 * A disabled user, or a session issued before the user's sessions were revoked, is no one.
 */
export async function actorForToken(token: SessionClaims | null): Promise<Actor | null> {
  if (!token || typeof token.uid !== "string") return null;
  const access = await userAccess(token.uid);
  // A service account never signs in: a session for one is forged or stale.
  if (!access || access.disabled || access.actor.provider === SERVICE_PROVIDER) return null;
  const loginAt = typeof token.loginAt === "number" ? token.loginAt : 0;
  if (access.sessionsRevokedAt !== null && loginAt <= access.sessionsRevokedAt) return null;
  if (typeof token.sid === "string" && access.signedOut.has(token.sid)) return null;
  // SESSION_MAX_AGE counts from the sign-in, however active the session was since.
  if (loginAt > 0 && Date.now() - loginAt > sessionMaxAgeSeconds() * 1000) return null;
  return access.actor;
}

// A session token is sealed (JWE) and never changes: decrypting it once per token is enough. Its
// expiry is checked on every use, as jose does when decrypting (15 s of clock tolerance, next-auth's).
const decoded = new KeyedCache<string, SessionClaims>(5_000);
const CLOCK_TOLERANCE_S = 15;
const expired = (claims: SessionClaims) => typeof claims.exp === "number" && claims.exp <= Math.floor(Date.now() / 1000) - CLOCK_TOLERANCE_S;

type TokenSource = Parameters<typeof getToken>[0]["req"];

/** The claims of the request's session cookie (or the same JWT as a Bearer token), or null. */
export async function sessionClaims(req: TokenSource): Promise<SessionClaims | null> {
  const secret = process.env.NEXTAUTH_SECRET;
  const raw = await getToken({ req, secret, raw: true });
  if (!raw) return null;
  // Only tokens that decrypt are kept: forged ones must not push real sessions out of the cache.
  const claims = await decoded.get(raw, async (token) => (await decode({ token, secret: secret ?? "" })) ?? Promise.reject(new Error("no claims"))).catch(() => null);
  if (!claims) return null;
  if (expired(claims)) {
    decoded.delete(raw);
    return null;
  }
  return claims;
}

/** The actor of the page or server action being rendered. */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const req = { cookies: await cookies(), headers: Object.fromEntries((await headers()).entries()) };
  return actorForToken(await sessionClaims(req as unknown as NextRequest));
});

export async function requireActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) throw errors.unauthenticated();
  return actor;
}

/** For admin pages: the actor when it is a global admin, otherwise null (the page says so). */
export async function currentAdmin(): Promise<Actor | null> {
  const actor = await currentActor();
  return actor && isGlobalAdmin(actor) ? actor : null;
}
