// The hash chain under the audit trail. Every row carries sha256(prevHash + its canonical
// content), and prevHash is unique in the table, so two writers can never both extend the same
// head: the loser gets a unique-constraint error and retries on the new head.
import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/core/db/client";
import type { AuditRecord, Prisma } from "@/lib/core/db/generated/prisma/client";

export const GENESIS = "0".repeat(64);

/** The fields a row's hash covers, in their fixed order (adding one is a chain format change). */
export const HASHED_FIELDS = [
  "id", "at", "kind", "intentId", "requestId", "actorId", "actorName", "actorProvider", "sourceIp",
  "clusterId", "clusterName", "operation", "path", "targetPath", "reason", "beforeData", "beforeHash",
  "afterData", "afterHash", "versionBefore", "versionAfter", "details", "outcome", "error",
] as const;

type HashedRow = { [K in (typeof HASHED_FIELDS)[number]]: K extends keyof AuditRecord ? AuditRecord[K] : never };
export type AuditRowInput = Partial<Omit<HashedRow, "id" | "at">> & Pick<HashedRow, "requestId" | "actorName" | "operation">;

const canonical = (v: unknown) => (v instanceof Date ? v.toISOString() : typeof v === "bigint" ? Number(v) : v ?? null);

export function recordHash(row: HashedRow, prevHash: string): string {
  const content = JSON.stringify(HASHED_FIELDS.map((f) => canonical(row[f])));
  return createHash("sha256").update(prevHash).update("\n").update(content).digest("hex");
}

type Tx = Prisma.TransactionClient;

async function appendIn(tx: Tx, input: AuditRowInput): Promise<AuditRecord> {
  const head = await tx.auditRecord.findFirst({ orderBy: { id: "desc" }, select: { id: true, hash: true } });
  const row = Object.fromEntries(HASHED_FIELDS.map((f) => [f, (input as Record<string, unknown>)[f] ?? null])) as HashedRow;
  row.id = (head?.id ?? 0) + 1;
  row.at = new Date();
  row.kind ??= "event";
  row.outcome ??= "pending";
  const prevHash = head?.hash ?? GENESIS;
  return tx.auditRecord.create({ data: { ...row, prevHash, hash: recordHash(row, prevHash) } });
}

// P2002: another writer took the head first (unique prevHash). P1008: SQLite was busy, e.g. another
// process's transaction holds the write lock (Prisma reports SQLITE_BUSY as a timeout).
const isRetryable = (e: unknown) => ["P2002", "P1008"].includes((e as { code?: string }).code ?? "");
const ATTEMPTS = 10;

/** Run `fn` in a transaction, again from the start when another writer got there first. */
export async function auditedTransaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db().$transaction(fn);
    } catch (e) {
      if (attempt >= ATTEMPTS || !isRetryable(e)) throw e;
      await new Promise((r) => setTimeout(r, Math.random() * 20 * attempt));
    }
  }
}

/** Append one row: inside `tx` when given (a database change and its audit row commit together). */
export async function appendAudit(input: AuditRowInput, tx?: Tx): Promise<AuditRecord> {
  return tx ? appendIn(tx, input) : auditedTransaction((t) => appendIn(t, input));
}
