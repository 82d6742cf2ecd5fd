import "server-only";
import { requireGlobalAdmin } from "@/lib/access/permissions";
import { db } from "@/lib/core/db/client";
import { errors } from "@/lib/core/errors";
import type { Prisma } from "@/lib/core/db/generated/prisma/client";
import type { RequestCtx } from "@/lib/core/context";
import { toEntry, type AuditEntry } from "./entry";
import { auditFilter, type AuditFilter } from "./schema";

const underPrefix = (prefix: string): Prisma.AuditRecordWhereInput =>
  prefix === "/" ? {} : { OR: [{ path: prefix }, { path: { startsWith: prefix + "/" } }, { targetPath: prefix }, { targetPath: { startsWith: prefix + "/" } }] };

function outcomeIs(outcome: AuditFilter["outcome"]): Prisma.AuditRecordWhereInput {
  if (!outcome) return {};
  if (outcome === "pending") return { kind: "intent", outcomeRecord: { is: null } };
  return { OR: [{ kind: { not: "intent" }, outcome }, { kind: "intent", outcomeRecord: { is: { outcome } } }] };
}

export function whereOf(f: AuditFilter): Prisma.AuditRecordWhereInput {
  return {
    AND: [
      { kind: { in: ["intent", "event"] } },
      f.actor ? { OR: [{ actorName: { contains: f.actor } }, { actorId: f.actor }] } : {},
      f.clusterId ? { clusterId: f.clusterId } : {},
      f.pathPrefix ? underPrefix(f.pathPrefix) : {},
      f.operation ? { operation: f.operation } : {},
      outcomeIs(f.outcome),
      f.from || f.to ? { at: { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lte: f.to } : {}) } } : {},
      f.requestId ? { requestId: f.requestId } : {},
      f.before ? { id: { lt: f.before } } : {},
    ],
  };
}

/** One page of entries, newest first; `nextBefore` continues the list. */
export async function findAuditEntries(f: AuditFilter): Promise<{ entries: AuditEntry[]; nextBefore: number | null }> {
  const rows = await db().auditRecord.findMany({ where: whereOf(f), orderBy: { id: "desc" }, take: f.limit, include: { outcomeRecord: true } });
  const entries = rows.map((r) => toEntry(r, r.outcomeRecord));
  return { entries, nextBefore: rows.length === f.limit ? rows[rows.length - 1].id : null };
}

export async function listAudit({ ctx, input }: { ctx: RequestCtx; input: unknown }) {
  requireGlobalAdmin(ctx.actor, "read the audit trail");
  return findAuditEntries(auditFilter.parse(input));
}

/** An audit record id from a URL: a whole number, or a 400 that says so. */
export function auditRecordId(raw: string): number {
  if (!/^[1-9]\d{0,15}$/.test(raw) || !Number.isSafeInteger(Number(raw))) throw errors.badAuditId(raw);
  return Number(raw);
}

/** The record (an outcome row stands for its whole operation), or null. */
export async function findAuditEntry(id: number): Promise<AuditEntry | null> {
  const row = await db().auditRecord.findUnique({ where: { id }, include: { outcomeRecord: true, intent: true } });
  if (!row) return null;
  return row.intent ? toEntry(row.intent, row) : toEntry(row, row.outcomeRecord);
}

export async function getAuditEntry(id: number): Promise<AuditEntry> {
  const entry = await findAuditEntry(id);
  if (!entry) throw errors.notFound(`no audit record ${id}`);
  return entry;
}

export async function readAuditEntry({ ctx, id }: { ctx: RequestCtx; id: string }) {
  requireGlobalAdmin(ctx.actor, "read the audit trail");
  return { entry: await getAuditEntry(auditRecordId(id)) };
}

/** The operation a request performed (intent and outcome merged), for tests and support. */
export async function auditEntryOfRequest(requestId: string): Promise<AuditEntry> {
  const row = await db().auditRecord.findFirst({ where: { requestId, kind: { in: ["intent", "event"] } }, orderBy: { id: "asc" }, include: { outcomeRecord: true } });
  if (!row) throw errors.notFound(`no audit record for request ${requestId}`);
  return toEntry(row, row.outcomeRecord);
}

/** The same, flat in the row's own shape: the intent's columns completed by its outcome's. */
export async function auditRowOfRequest(requestId: string) {
  const row = await db().auditRecord.findFirst({ where: { requestId, kind: { in: ["intent", "event"] } }, orderBy: { id: "asc" }, include: { outcomeRecord: true } });
  if (!row) throw errors.notFound(`no audit record for request ${requestId}`);
  const { outcomeRecord: o, ...intent } = row;
  return o ? { ...intent, outcome: o.outcome, error: o.error, afterData: o.afterData, afterHash: o.afterHash, versionAfter: o.versionAfter } : intent;
}
