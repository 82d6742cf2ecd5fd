// Who is asking, as every layer names it. Plain types and values (no database, no Next.js), so
// the browser may import them too; what the roles may do is decided in lib/access/permissions.ts.
export const ROLES = ["viewer", "editor", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** One effective grant of an actor; `via` says where it comes from (for the admin pages). */
export type GrantRef = { role: Role; clusterId: string | null; pathPrefix: string | null; via?: string };

/** The provider of a service account: a user made by admins that never signs in and acts only through API tokens. */
export const SERVICE_PROVIDER = "service";

/** The provider of the caller of GET /metrics let in by its address (METRICS_ALLOW): no user, no rights but that. */
export const ALLOWLIST_PROVIDER = "allowlist";

/** The API token a request came with: its grants are already the token's scope within its user's rights. */
export type TokenRef = { id: string; name: string; readOnly: boolean; metrics: boolean };

/**
 * Who is asking. `role` is the global role (a global grant, or "none"); `grants` adds the rest.
 * For a request with an API token: `id` and `username` are the token's user's, `name` says
 * `token "X" of Y` (what the audit trail shows), `provider` is "token", `token` names it.
 */
export type Actor = { id: string; username: string; name: string; role: string; provider: string; groups?: string[]; grants?: GrantRef[]; token?: TokenRef; mustChangePassword?: boolean };
