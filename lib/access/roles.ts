// Roles and grants as values: no database, no Next.js, shared by server code and the browser.
import { z } from "zod";
import { ROLES, type GrantRef, type Role } from "@/lib/core/actor";

export { ROLES, type GrantRef, type Role };
/** A user's global role: a role, or "none" (only what grants and group mappings give). */
export const GLOBAL_ROLES = ["none", ...ROLES] as const;
export type GlobalRole = (typeof GLOBAL_ROLES)[number];

export const RANK: Record<Role, number> = { viewer: 1, editor: 2, admin: 3 };
export const isRole = (v: unknown): v is Role => typeof v === "string" && v in RANK;

/** A path prefix covers itself and everything below it ("/" covers the whole tree). */
export function prefixCovers(prefix: string | null, path: string): boolean {
  if (!prefix || prefix === "/") return true;
  return path === prefix || path.startsWith(prefix + "/");
}

export const roleSchema = z.enum(ROLES, { errorMap: () => ({ message: `role must be one of ${ROLES.join(", ")}` }) });
export const globalRoleSchema = z.enum(GLOBAL_ROLES, { errorMap: () => ({ message: `role must be one of ${GLOBAL_ROLES.join(", ")}` }) });
