// Writing the trail. A ZooKeeper write is an intent row (before: no row, no write) plus an
// outcome row linked to it (after); a login or a database change is one self-contained event row.
import "server-only";
import type { RequestCtx } from "@/lib/core/context";
import { errors } from "@/lib/core/errors";
import { appendAudit, type AuditRowInput } from "./chain";
import type { Prisma } from "@/lib/core/db/generated/prisma/client";
import { logger } from "@/lib/core/log";

const log = logger("audit");

export type AuditValue = { data: string | null; hash: string | null; version?: number | null };

export type AuditIntent = {
  requestId: string;
  actor: { id: string | null; name: string; provider?: string | null };
  sourceIp?: string | null;
  cluster?: { id: string; name: string } | null;
  operation: string;
  path?: string | null;
  targetPath?: string | null;
  reason?: string | null;
  before?: AuditValue;
  details?: Record<string, unknown>;
};

export type AuditOutcome = {
  /** "unknown": the connection was lost before ZooKeeper answered; the change may or may not have been applied. */
  outcome: "ok" | "failed" | "unknown";
  error?: string;
  after?: AuditValue;
  details?: Record<string, unknown>;
};

export type AuditEvent = AuditIntent & Omit<AuditOutcome, "outcome"> & { outcome: "ok" | "failed" };

/** Who a record is about: the request's id, actor and source address. */
export const auditActor = (ctx: RequestCtx) => ({
  requestId: ctx.requestId,
  actor: { id: ctx.actor.id, name: ctx.actor.name, provider: ctx.actor.provider },
  sourceIp: ctx.sourceIp,
});

const json = (v: Record<string, unknown> | undefined) => (v ? JSON.stringify(v) : null);

function contextRow(i: AuditIntent): AuditRowInput {
  return {
    requestId: i.requestId,
    actorId: i.actor.id,
    actorName: i.actor.name,
    actorProvider: i.actor.provider ?? null,
    sourceIp: i.sourceIp ?? null,
    clusterId: i.cluster?.id ?? null,
    clusterName: i.cluster?.name ?? null,
    operation: i.operation,
    path: i.path ?? null,
    targetPath: i.targetPath ?? null,
  };
}

const beforeColumns = (v: AuditValue | undefined) => ({ beforeData: v?.data ?? null, beforeHash: v?.hash ?? null, versionBefore: v?.version ?? null });
const afterColumns = (v: AuditValue | undefined) => ({ afterData: v?.data ?? null, afterHash: v?.hash ?? null, versionAfter: v?.version ?? null });

const unavailable = (e: unknown) => {
  log.error({ err: e }, "could not write to the audit trail");
  return errors.auditUnavailable();
};

/** Write the intent. Fails closed: if the audit store refuses, the caller must not write. */
export async function recordIntent(intent: AuditIntent): Promise<number> {
  try {
    const row = await appendAudit({
      ...contextRow(intent),
      kind: "intent",
      reason: intent.reason ?? null,
      ...beforeColumns(intent.before),
      details: json(intent.details),
    });
    return row.id;
  } catch (e) {
    throw unavailable(e);
  }
}

/** The outcome row of an intent. A failure is logged loudly: the ZooKeeper write already happened. */
export async function recordOutcome(intent: AuditIntent, intentId: number, outcome: AuditOutcome): Promise<void> {
  try {
    await appendAudit({
      ...contextRow(intent),
      kind: "outcome",
      intentId,
      outcome: outcome.outcome,
      error: outcome.error ?? null,
      ...afterColumns(outcome.after),
      details: json(outcome.details),
    });
  } catch (e) {
    log.error({ err: e, requestId: intent.requestId, intentId, outcome }, "could not record the outcome of an audit intent");
  }
}

/**
 * A self-contained record. With `tx` it commits or rolls back with the change it describes;
 * without, a failure throws AUDIT_UNAVAILABLE so the caller can refuse.
 */
export async function recordEvent(event: AuditEvent, tx?: Prisma.TransactionClient): Promise<number> {
  const row: AuditRowInput = {
    ...contextRow(event),
    kind: "event",
    reason: event.reason ?? null,
    ...beforeColumns(event.before),
    ...afterColumns(event.after),
    details: json(event.details),
    outcome: event.outcome,
    error: event.error ?? null,
  };
  if (tx) return (await appendAudit(row, tx)).id;
  try {
    return (await appendAudit(row)).id;
  } catch (e) {
    throw unavailable(e);
  }
}

/** A write refused before its intent (no permission, no reason, a failed read): best effort. */
export async function recordRefusal(context: AuditIntent, error: Error): Promise<void> {
  await recordEvent({ ...context, outcome: "failed", error: error.message })
    .catch((e) => log.error({ err: e, requestId: context.requestId, operation: context.operation, path: context.path }, "could not record a refused change"));
}
