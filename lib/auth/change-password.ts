// A local account changing its own password (required after an admin set or reset it when
// mustChangePassword is on: until then the API refuses everything else).
import "server-only";
import { errors } from "@/lib/core/errors";
import { auditedDbChange } from "@/lib/access/audit/db-change";
import type { RequestCtx } from "@/lib/core/context";
import { z } from "zod";
import { hashPassword, verifyPassword } from "./password";
import { passwordProblem } from "./password-rules";

export const ownPasswordInput = z.object({
  currentPassword: z.string({ required_error: "currentPassword is required" }).max(1024),
  newPassword: z.string({ required_error: "newPassword is required" }).max(1024, "newPassword is longer than 1024 characters"),
}).strict();

export async function changeOwnPassword({ ctx, input }: { ctx: RequestCtx; input: unknown }) {
  const q = ownPasswordInput.parse(input);
  const user = await ctx.db.user.findUnique({ where: { id: ctx.actor.id } });
  if (!user || user.provider !== "credentials" || !user.passwordHash) throw errors.notLocalAccount(ctx.actor.username, ctx.actor.provider);
  if (!verifyPassword(q.currentPassword, user.passwordHash)) throw errors.wrongPassword();
  if (q.newPassword === q.currentPassword) throw errors.weakPassword("the new password must differ from the current one");
  const problem = passwordProblem(q.newPassword, user.username);
  if (problem) throw errors.weakPassword(problem);
  await auditedDbChange(ctx, { operation: "password_change", details: { userId: user.id, username: user.username } },
    (tx) => tx.user.update({ where: { id: user.id }, data: { passwordHash: hashPassword(q.newPassword), mustChangePassword: false, passwordChangedAt: new Date() } }));
  return { ok: true } as const;
}
