// Shapes of the /api/v1/admin endpoints as the browser sees them, derived from the server's verbs
// and schemas (type-only imports).
import type { z } from "zod";
import type { Answer } from "@/lib/core/client/answer";
import type { createGrant, listGrants, listGroups, listUsers, readAuthSettings, updateUser } from "@/lib/admin";
import type { grantInput, settingsPatch, userPatch } from "@/lib/admin/schema";

export type UserList = Answer<typeof listUsers>;
export type AdminUser = UserList["users"][number];
/** One of a user's effective grants: their own, or `via` a group. */
export type GrantRef = AdminUser["grants"][number];
export type UserPatch = z.input<typeof userPatch>;
export type UpdatedUser = Answer<typeof updateUser>;

export type GrantList = Answer<typeof listGrants>;
export type GrantRow = GrantList["grants"][number];
export type GrantInput = z.input<typeof grantInput>;
export type CreatedGrant = Answer<typeof createGrant>;

export type GroupList = Answer<typeof listGroups>;
export type GroupRow = GroupList["groups"][number];

export type AuthSettings = Answer<typeof readAuthSettings>;
export type AuthSettingsPatch = z.input<typeof settingsPatch>;
