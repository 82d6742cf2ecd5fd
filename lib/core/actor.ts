// Who is asking, as every layer names it. Plain types and values (no database, no Next.js), so
// the browser may import them too; what the roles may do is decided in lib/access/permissions.ts.
export const ROLES = ["viewer", "editor", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** One effective grant of an actor; `via` says where it comes from (for the admin pages). */
export type GrantRef = { role: Role; clusterId: string | null; pathPrefix: string | null; via?: string };

/** Who is asking. `role` is the global role (a global grant, or "none"); `grants` adds the rest. */
export type Actor = { id: string; username: string; name: string; role: string; provider: string; groups?: string[]; grants?: GrantRef[] };
