import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { getToken } from "next-auth/jwt";
import type { NextRequest } from "next/server";
import { db } from "@/lib/core/db/client";
import { errors } from "@/lib/core/errors";
import { grantsFor, parseGroups } from "./grants";
import { isGlobalAdmin } from "./permissions";
import { SERVICE_PROVIDER, type Actor } from "@/lib/core/actor";

/** What the session cookie (a next-auth JWT) carries about the user. */
export type SessionClaims = { uid?: unknown; loginAt?: unknown };

/**
 * The one identity choke point: the enabled user behind a session token, with its grants, or null.
 * A disabled user, or a session issued before the user's sessions were revoked, is no one.
 */
export async function actorForToken(token: SessionClaims | null): Promise<Actor | null> {
  if (!token || typeof token.uid !== "string") return null;
  const user = await db().user.findUnique({ where: { id: token.uid } });
  // A service account never signs in: a session for one is forged or stale.
  if (!user || user.disabled || user.provider === SERVICE_PROVIDER) return null;
  const loginAt = typeof token.loginAt === "number" ? token.loginAt : 0;
  if (user.sessionsRevokedAt && loginAt <= user.sessionsRevokedAt.getTime()) return null;
  const groups = parseGroups(user.groups);
  return { id: user.id, username: user.username, name: user.name ?? user.username, role: user.role, provider: user.provider, groups, grants: await grantsFor(user.id, groups), mustChangePassword: user.mustChangePassword };
}

/** The actor of a route handler's request (the session cookie, or the same JWT as a Bearer token). */
export async function actorFromRequest(req: NextRequest): Promise<Actor | null> {
  return actorForToken(await getToken({ req, secret: process.env.NEXTAUTH_SECRET }));
}

/** The actor of the page or server action being rendered. */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const req = { cookies: await cookies(), headers: Object.fromEntries((await headers()).entries()) };
  return actorForToken(await getToken({ req: req as unknown as NextRequest, secret: process.env.NEXTAUTH_SECRET }));
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
