// The bootstrap admin's (and any console account's) password sign-in.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/core/db/client";
import { logger } from "@/lib/core/log";
import { SIGN_IN_UNAVAILABLE } from "./login-messages";
import { auditCountedFailure, auditLogin, auditLoginFailure } from "./login-audit";
import { verifyPassword, hashPassword } from "./password";
import { loginPause, RATE_LIMITED_OPERATION } from "./rate-limit";

const credentials = z.object({ username: z.string().trim().min(1).max(128), password: z.string().min(1).max(1024) });

/** Thrown to the login form (next-auth passes the message through as the error). */
export class LoginRefused extends Error {}

// Checked against when the username is unknown, so the answer takes as long either way.
const DUMMY_HASH = hashPassword("not-a-password");

const log = logger("auth");

/**
 * The user to sign in, or null for a wrong username/password; throws LoginRefused when paused, and
 * when the database cannot count the attempt (read-only, locked): the rate limit reads the failures
 * recorded, so an attempt that cannot be recorded is refused rather than let through uncounted.
 */
export async function authorizeCredentials(raw: unknown, sourceIp: string | null): Promise<{ id: string; name: string } | null> {
  try {
    return await checkCredentials(raw, sourceIp);
  } catch (e) {
    if (e instanceof LoginRefused) throw e;
    log.error({ err: e, sourceIp }, "password sign-in refused: the console's database cannot record it");
    throw new LoginRefused(SIGN_IN_UNAVAILABLE);
  }
}

async function checkCredentials(raw: unknown, sourceIp: string | null): Promise<{ id: string; name: string } | null> {
  const parsed = credentials.safeParse(raw);
  if (!parsed.success) return null;
  const { username, password } = parsed.data;
  const attempt = { username, provider: "credentials", sourceIp };
  const pause = await loginPause(username, sourceIp);
  if (pause) {
    await auditLoginFailure(attempt, "rate limited: too many failed sign-ins", RATE_LIMITED_OPERATION);
    throw new LoginRefused(pause);
  }
  const user = await db().user.findUnique({ where: { username } });
  // Only console accounts have passwords: an SSO account never signs in with one.
  const passwordOk = verifyPassword(password, user?.passwordHash ?? DUMMY_HASH) && !!user?.passwordHash && user.provider === "credentials";
  if (!user || !passwordOk) {
    await auditCountedFailure({ ...attempt, userId: user?.id }, "wrong username or password");
    return null;
  }
  if (user.disabled) {
    await auditCountedFailure({ ...attempt, userId: user.id }, "the account is disabled");
    return null;
  }
  await db().user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  await auditLogin({ ...attempt, userId: user.id });
  return { id: user.id, name: user.name ?? user.username };
}
