// Shapes of the /api/v1/audit endpoints as the browser sees them, derived from the server's verbs
// and filter schema (type-only imports).
import type { z } from "zod";
import type { Answer } from "@/lib/core/client/answer";
import type { checkpointNow, listAudit, readAuditEntry, restoreVersion, verifyAudit, znodeHistory } from "@/lib/audit";
import type { auditFilter, restoreInput } from "@/lib/audit/schema";

export type AuditPage = Answer<typeof listAudit>;
export type AuditEntry = AuditPage["entries"][number];
export type AuditValue = AuditEntry["before"];
export type AuditEntryAnswer = Answer<typeof readAuditEntry>;

/** The list's filters as the page and the URL carry them: text, checked by the server's schema. */
export type AuditFilters = { [K in keyof z.input<typeof auditFilter> as Exclude<K, "before" | "limit" | "requestId">]?: string };

export type ZnodeHistory = Answer<typeof znodeHistory>;
export type HistoryEntry = ZnodeHistory["entries"][number];

export type RestoreInput = z.input<typeof restoreInput>;
/** POST …/restore answers `{ stat }`. */
export type RestoreResult = { stat: Answer<typeof restoreVersion> };

export type VerifyResult = Answer<typeof verifyAudit>;
export type CheckpointResult = Answer<typeof checkpointNow>;
