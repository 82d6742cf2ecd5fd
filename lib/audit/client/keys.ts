// Query-key factory of the audit trail and znode history.
import type { AuditFilters } from "./types";

export const auditKeys = {
  all: ["audit"] as const,
  list: (filters: AuditFilters) => [...auditKeys.all, "list", filters] as const,
  entry: (id: number) => [...auditKeys.all, "entry", id] as const,
  history: (clusterId: string, path: string) => [...auditKeys.all, "history", clusterId, path] as const,
};
