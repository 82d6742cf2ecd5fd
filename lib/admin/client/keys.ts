// Query-key factory of the admin screens: users, grants, groups, sign-in settings.
export const adminKeys = {
  all: ["admin"] as const,
  users: () => [...adminKeys.all, "users"] as const,
  grants: () => [...adminKeys.all, "grants"] as const,
  groups: () => [...adminKeys.all, "groups"] as const,
  settings: () => [...adminKeys.all, "settings"] as const,
};
