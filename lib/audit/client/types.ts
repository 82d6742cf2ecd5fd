// Shapes of the /api/v1/audit responses as the browser sees them.
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
