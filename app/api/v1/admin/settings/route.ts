// GET/PATCH /api/v1/admin/settings – sign-in settings: { defaultRole } for first logins (admins, audited)
import { route } from "@/lib/access/route";
import { readAuthSettings, updateAuthSettings } from "@/lib/admin";

export const GET = route({ permission: "admin" }, async ({ ctx }) => readAuthSettings({ ctx }));

export const PATCH = route({ permission: "admin" }, async ({ ctx, body }) => updateAuthSettings({ ctx, input: await body() }));
