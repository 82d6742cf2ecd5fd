// One audited operation as the pages and the API show it: the intent (or event) row merged
// with its outcome row.
import type { AuditRecord } from "@/lib/core/db/generated/prisma/client";

export type AuditEntry = {
  id: number;
  at: string;
  kind: string;
  requestId: string;
  actor: { id: string | null; name: string; provider: string | null };
  sourceIp: string | null;
  cluster: { id: string; name: string | null } | null;
  operation: string;
  path: string | null;
  targetPath: string | null;
  reason: string | null;
  before: { data: string | null; hash: string | null; version: number | null };
  after: { data: string | null; hash: string | null; version: number | null };
  outcome: string;
  error: string | null;
  details: Record<string, unknown> | null;
  finishedAt: string | null;
  outcomeId: number | null;
  hash: string | null;
};

const parse = (s: string | null): Record<string, unknown> | null => {
  if (!s) return null;
  try {
    return JSON.parse(s) as Record<string, unknown>;
  } catch {
    return { raw: s };
  }
};

const num = (v: number | bigint | null) => (v === null ? null : Number(v));

export function toEntry(row: AuditRecord, outcome: AuditRecord | null = null): AuditEntry {
  const details = { ...(parse(row.details) ?? {}), ...(parse(outcome?.details ?? null) ?? {}) };
  return {
    id: row.id,
    at: row.at.toISOString(),
    kind: row.kind,
    requestId: row.requestId,
    actor: { id: row.actorId, name: row.actorName, provider: row.actorProvider },
    sourceIp: row.sourceIp,
    cluster: row.clusterId ? { id: row.clusterId, name: row.clusterName } : null,
    operation: row.operation,
    path: row.path,
    targetPath: row.targetPath,
    reason: row.reason,
    before: { data: row.beforeData, hash: row.beforeHash, version: num(row.versionBefore) },
    after: outcome
      ? { data: outcome.afterData, hash: outcome.afterHash, version: num(outcome.versionAfter) }
      : { data: row.afterData, hash: row.afterHash, version: num(row.versionAfter) },
    outcome: outcome?.outcome ?? row.outcome,
    error: outcome?.error ?? row.error,
    details: Object.keys(details).length ? details : null,
    finishedAt: outcome ? outcome.at.toISOString() : row.kind === "intent" ? null : row.at.toISOString(),
    outcomeId: outcome?.id ?? null,
    hash: row.hash,
  };
}
