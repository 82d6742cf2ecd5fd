// Shapes of /api/v1/audit and /api/v1/admin responses as the browser sees them.
// The entry shape is the server's own (a type-only import: nothing of the server reaches the bundle).
export type { AuditEntry } from "@/lib/audit/entry";
import type { AuditEntry } from "@/lib/audit/entry";
export type AuditValue = AuditEntry["before"];

export type HistoryEntry = AuditEntry & { restorable: { before: boolean; after: boolean } };

export type AuditFilters = {
  actor?: string;
  clusterId?: string;
  pathPrefix?: string;
  operation?: string;
  outcome?: string;
  from?: string;
  to?: string;
};

export type AuditPage = { entries: AuditEntry[]; nextBefore: number | null };

export type VerifyResult =
  | { ok: true; checked: number; headId: number | null; headHash: string | null }
  | { ok: false; checked: number; brokenAt: number; lastGoodId: number | null; problem: string };

export type GrantRef = { role: string; clusterId: string | null; pathPrefix: string | null; via?: string };

export type AdminUser = {
  id: string;
  username: string;
  name: string | null;
  provider: string;
  role: string;
  disabled: boolean;
  groups: string[];
  createdAt: string;
  lastLoginAt: string | null;
  grants: GrantRef[];
};

export type GrantRow = {
  id: string;
  subjectType: "user" | "group";
  subject: string;
  role: string;
  clusterId: string | null;
  clusterName: string | null;
  pathPrefix: string | null;
  createdAt: string;
  createdBy: string | null;
};

export type GrantInput = { subjectType: "user" | "group"; subject: string; role: string; clusterId?: string | null; pathPrefix?: string | null };

export type GroupRow = { name: string; members: number; grants: GrantRow[] };

export type AuthSettings = { defaultRole: string; envDefaultRole: string; loginMethods: { password: boolean; sso: { id: string; name: string }[] } };
