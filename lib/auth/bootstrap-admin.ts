import "server-only";
import { db } from "@/lib/core/db/client";
import { generatePassword, hashPassword, verifyPassword } from "./password";

/**
 * Make sure the bootstrap admin exists. ADMIN_USERNAME/ADMIN_PASSWORD win when set
 * (the password is re-applied if it changed); otherwise a strong password is
 * generated on first start and printed once.
 */
export async function ensureBootstrapAdmin(): Promise<void> {
  const username = process.env.ADMIN_USERNAME || "admin";
  const configured = process.env.ADMIN_PASSWORD;
  const existing = await db().user.findUnique({ where: { username } });
  if (existing) {
    if (configured && !verifyPassword(configured, existing.passwordHash)) {
      await db().user.update({ where: { id: existing.id }, data: { passwordHash: hashPassword(configured) } });
    }
    return;
  }
  const password = configured || generatePassword();
  await db().user.create({ data: { username, name: "Bootstrap admin", provider: "credentials", role: "admin", passwordHash: hashPassword(password) } });
  if (!configured) {
    console.log(`\n[auth] Created the bootstrap admin.\n[auth]   username: ${username}\n[auth]   password: ${password}\n[auth] This password is shown once. Set ADMIN_PASSWORD to choose your own.\n`);
  }
}
