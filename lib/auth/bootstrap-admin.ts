import "server-only";
import { db } from "@/lib/core/db/client";
import { generatePassword, hashPassword, verifyPassword } from "./password";
import { logger } from "@/lib/core/log";

const log = logger("auth");

export const bootstrapAdminUsername = () => process.env.ADMIN_USERNAME || "admin";

/**
 * Make sure the bootstrap admin exists: its own console (credentials) record, never an SSO
 * account that happens to hold the username (that account is renamed aside and left as it is,
 * so it neither accepts the operator's password nor becomes the admin). ADMIN_USERNAME/ADMIN_PASSWORD win when set
 * (the password is re-applied if it changed); otherwise a strong password is
 * generated on first start and printed once.
 */
export async function ensureBootstrapAdmin(retried = false): Promise<void> {
  const username = bootstrapAdminUsername();
  const configured = process.env.ADMIN_PASSWORD;
  let existing = await db().user.findUnique({ where: { username } });
  if (existing && existing.provider !== "credentials") {
    const aside = `${username}@${existing.provider}:${existing.id}`;
    await db().user.update({ where: { id: existing.id }, data: { username: aside } });
    log.warn({ username, provider: existing.provider, renamedTo: aside }, `the ${existing.provider} account that held the bootstrap admin's username ${username} is now ${aside}; the bootstrap admin is a separate console account`);
    existing = null;
  }
  if (existing) {
    if (configured && !verifyPassword(configured, existing.passwordHash)) {
      await db().user.update({ where: { id: existing.id }, data: { passwordHash: hashPassword(configured) } });
    }
    return;
  }
  const password = configured || generatePassword();
  try {
    await db().user.create({ data: { username, name: "Bootstrap admin", provider: "credentials", role: "admin", passwordHash: hashPassword(password) } });
  } catch (e) {
    // Several instances starting at once on one database: another one created it between our look
    // and our create (the username is unique). Take that record as above: the check runs once more.
    if ((e as { code?: string }).code === "P2002" && !retried) return ensureBootstrapAdmin(true);
    throw e;
  }
  if (!configured) {
    // Once, at the first start: the operator needs it to sign in (ADMIN_PASSWORD avoids it).
    log.warn({ username, password }, `created the bootstrap admin ${username} with password ${password}: shown once, set ADMIN_PASSWORD to choose your own`);
  }
}
