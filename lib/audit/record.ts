import "server-only";
import { db } from "../db/client";
import { ConsoleError } from "../errors";

export type AuditIntent = {
  requestId: string;
  actor: { id: string | null; name: string; provider?: string | null };
  sourceIp?: string | null;
  cluster?: { id: string; name: string } | null;
  operation: string;
  path?: string | null;
  targetPath?: string | null;
  reason?: string | null;
  before?: { data: string | null; hash: string | null; version?: number | null };
  details?: Record<string, unknown>;
};

export type AuditOutcome = {
  outcome: "ok" | "failed";
  error?: string;
  after?: { data: string | null; hash: string | null; version?: number | null };
  details?: Record<string, unknown>;
};

/** Write the intent. Fails closed: if the audit store refuses, the caller must not write. */
export async function recordIntent(intent: AuditIntent): Promise<number> {
  try {
    const row = await db().auditRecord.create({
      data: {
        requestId: intent.requestId,
        actorId: intent.actor.id,
        actorName: intent.actor.name,
        actorProvider: intent.actor.provider ?? null,
        sourceIp: intent.sourceIp ?? null,
        clusterId: intent.cluster?.id ?? null,
        clusterName: intent.cluster?.name ?? null,
        operation: intent.operation,
        path: intent.path ?? null,
        targetPath: intent.targetPath ?? null,
        reason: intent.reason ?? null,
        beforeData: intent.before?.data ?? null,
        beforeHash: intent.before?.hash ?? null,
        versionBefore: intent.before?.version ?? null,
        details: intent.details ? JSON.stringify(intent.details) : null,
      },
    });
    return row.id;
  } catch (e) {
    console.error("[audit] could not write the audit intent:", e);
    throw new ConsoleError("AUDIT_UNAVAILABLE", 503, "the change was refused because the audit trail cannot be written; check the console's database");
  }
}

/** Complete the record. A failure here is logged loudly; the ZooKeeper write already happened. */
export async function recordOutcome(id: number, outcome: AuditOutcome): Promise<void> {
  try {
    await db().auditRecord.update({
      where: { id },
      data: {
        outcome: outcome.outcome,
        error: outcome.error ?? null,
        afterData: outcome.after?.data ?? null,
        afterHash: outcome.after?.hash ?? null,
        versionAfter: outcome.after?.version ?? null,
        details: outcome.details ? JSON.stringify(outcome.details) : undefined,
        finishedAt: new Date(),
      },
    });
  } catch (e) {
    console.error(`[audit] could not record the outcome of audit record ${id}:`, outcome, e);
  }
}
