// Query-key factories for the audit trail and the admin screens.
import type { AuditFilters } from "./audit-types";

export const auditKeys = {
  all: ["audit"] as const,
  list: (filters: AuditFilters) => [...auditKeys.all, "list", filters] as const,
  entry: (id: number) => [...auditKeys.all, "entry", id] as const,
  history: (clusterId: string, path: string) => [...auditKeys.all, "history", clusterId, path] as const,
};

export const adminKeys = {
  all: ["admin"] as const,
  users: () => [...adminKeys.all, "users"] as const,
  grants: () => [...adminKeys.all, "grants"] as const,
  groups: () => [...adminKeys.all, "groups"] as const,
  settings: () => [...adminKeys.all, "settings"] as const,
};
