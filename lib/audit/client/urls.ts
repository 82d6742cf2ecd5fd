// URLs of the audit trail endpoints.
import type { AuditFilters } from "./types";

const query = (params: Record<string, string | undefined>) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  return q.toString();
};

export const auditUrls = {
  list: (filters: AuditFilters, before?: number) => `/api/v1/audit?${query({ ...filters, before: before ? String(before) : undefined })}`,
  entry: (id: number) => `/api/v1/audit/${id}`,
  export: (filters: AuditFilters, format: "csv" | "json") => `/api/v1/audit/export?${query({ ...filters, format })}`,
  verify: () => "/api/v1/audit/verify",
  checkpoint: () => "/api/v1/audit/checkpoint",
  history: (clusterId: string, path: string) => `/api/v1/audit/history?${query({ clusterId, path })}`,
  restore: (id: number) => `/api/v1/audit/${id}/restore`,
};
