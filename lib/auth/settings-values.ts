/** What an unknown user gets at first login: a global role, or none (login refused unless a group mapping applies). */
export const DEFAULT_ROLES = ["viewer", "editor", "none"] as const;
export type DefaultRole = (typeof DEFAULT_ROLES)[number];

export const isDefaultRole = (v: unknown): v is DefaultRole => typeof v === "string" && (DEFAULT_ROLES as readonly string[]).includes(v);
