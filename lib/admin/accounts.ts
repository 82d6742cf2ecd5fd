// Local accounts (username + password, provider "credentials") created and reset by admins. They
// get grants like SSO users; an SSO sign-in never adopts one (SSO users are found by provider and subject).
import "server-only";
import { errors } from "@/lib/core/errors";
import { auditedDbChange } from "@/lib/access/audit/db-change";
import type { RequestCtx } from "@/lib/core/context";
import { requireGlobalAdmin } from "@/lib/access/permissions";
import { hashPassword } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-rules";
import { newUserInput, passwordResetInput } from "./schema";
import { publicUser } from "./users";

export const LOCAL_PROVIDER = "credentials";

export async function createLocalUser({ ctx, input }: { ctx: RequestCtx; input: unknown }) {
  requireGlobalAdmin(ctx.actor, "manage users");
  const u = newUserInput.parse(input);
  const problem = passwordProblem(u.password, u.username);
  if (problem) throw errors.weakPassword(problem);
  if (await ctx.db.user.findUnique({ where: { username: u.username } })) throw errors.usernameTaken(u.username);
  const created = await auditedDbChange(ctx, { operation: "user_create", details: { username: u.username, role: u.role, mustChangePassword: u.mustChangePassword } },
    (tx) => tx.user.create({ data: { username: u.username, name: u.displayName || null, provider: LOCAL_PROVIDER, role: u.role, passwordHash: hashPassword(u.password), mustChangePassword: u.mustChangePassword, passwordChangedAt: new Date() } }),
    (row) => ({ details: { userId: row.id, username: row.username, role: row.role, mustChangePassword: row.mustChangePassword } }));
  return { user: publicUser(created) };
}

/** A new password set by an admin: the user's sessions end, and by default it must choose its own at the next sign-in. */
export async function resetPassword({ ctx, id, input }: { ctx: RequestCtx; id: string; input: unknown }) {
  requireGlobalAdmin(ctx.actor, "manage users");
  const q = passwordResetInput.parse(input);
  const user = await ctx.db.user.findUnique({ where: { id } });
  if (!user) throw errors.notFound(`no user with id ${JSON.stringify(id)}`);
  if (user.provider !== LOCAL_PROVIDER) throw errors.notLocalAccount(user.username, user.provider);
  const problem = passwordProblem(q.password, user.username);
  if (problem) throw errors.weakPassword(problem);
  const updated = await auditedDbChange(ctx, { operation: "user_password_reset", details: { userId: id, username: user.username, mustChangePassword: q.mustChangePassword } },
    (tx) => tx.user.update({ where: { id }, data: { passwordHash: hashPassword(q.password), mustChangePassword: q.mustChangePassword, passwordChangedAt: new Date(), sessionsRevokedAt: id === ctx.actor.id ? user.sessionsRevokedAt : new Date() } }));
  return { user: publicUser(updated) };
}
