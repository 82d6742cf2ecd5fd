import "server-only";
import { db } from "@/lib/core/db/client";
import { auditedDbChange } from "@/lib/access/audit/db-change";
import { auditJson } from "@/lib/access/audit/values";
import type { RequestCtx } from "@/lib/core/context";
import { requireGlobalAdmin } from "@/lib/access/permissions";
import { loginMethods } from "@/lib/auth/providers";
import { defaultRole, envDefaultRole } from "@/lib/auth/settings";
import { settingsPatch } from "./schema";

export async function readAuthSettings({ ctx }: { ctx: RequestCtx }) {
  requireGlobalAdmin(ctx.actor, "read the sign-in settings");
  return { defaultRole: await defaultRole(), envDefaultRole: envDefaultRole(), loginMethods: loginMethods() };
}

export async function updateAuthSettings({ ctx, input }: { ctx: RequestCtx; input: unknown }) {
  requireGlobalAdmin(ctx.actor, "change the sign-in settings");
  const patch = settingsPatch.parse(input);
  const before = await defaultRole();
  await auditedDbChange(ctx, { operation: "settings_update", before: auditJson({ defaultRole: before }), after: auditJson(patch) },
    (tx) => tx.setting.upsert({ where: { key: "defaultRole" }, create: { key: "defaultRole", value: JSON.stringify(patch.defaultRole), updatedBy: ctx.actor.username }, update: { value: JSON.stringify(patch.defaultRole), updatedBy: ctx.actor.username } }));
  return readAuthSettings({ ctx });
}
