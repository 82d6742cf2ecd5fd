// The hash chain under the audit trail. Every row carries HMAC-SHA256(key, prevHash + its
// canonical content) with a key outside the database (chain-key.ts), marked "hmac-sha256:";
// records written before the chain was keyed keep their plain sha256 (verify says where the keyed
// part begins). prevHash is unique in the table, so two writers can never both extend the same
// head: the loser gets a unique-constraint error and retries on the new head. On PostgreSQL,
// shared by several console instances, appends also queue on one advisory lock, so they do not
// collide (and retry) at all.
import "server-only";
import { createHash, createHmac } from "node:crypto";
import { auditChainKey } from "./chain-key";
import { db } from "@/lib/core/db/client";
import { afterCommit } from "@/lib/core/invalidation";
import { lockForTransaction, oneAtATimeInProcess } from "@/lib/core/db/lock";
import { timedAuditAppend } from "@/lib/core/metrics";
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

/** How a keyed record's hash starts; a hash without it is of the public (unkeyed) algorithm. */
export const KEYED = "hmac-sha256:";

const contentOf = (row: HashedRow) => JSON.stringify(HASHED_FIELDS.map((f) => canonical(row[f])));

/** The hash every new record gets: keyed. */
export function recordHash(row: HashedRow, prevHash: string, key: Buffer = auditChainKey()): string {
  return KEYED + createHmac("sha256", key).update(prevHash).update("\n").update(contentOf(row)).digest("hex");
}

/** The public algorithm of records written before the chain was keyed: anyone can recompute it. */
export function unkeyedRecordHash(row: HashedRow, prevHash: string): string {
  return createHash("sha256").update(prevHash).update("\n").update(contentOf(row)).digest("hex");
}

type Tx = Prisma.TransactionClient;

async function appendIn(tx: Tx, input: AuditRowInput): Promise<AuditRecord> {
  await lockForTransaction(tx, "audit-chain");
  const head = await tx.auditRecord.findFirst({ orderBy: { id: "desc" }, select: { id: true, hash: true } });
  const row = Object.fromEntries(HASHED_FIELDS.map((f) => [f, (input as Record<string, unknown>)[f] ?? null])) as HashedRow;
  row.id = (head?.id ?? 0) + 1;
  row.at = new Date();
  row.kind ??= "event";
  row.outcome ??= "pending";
  const prevHash = head?.hash ?? GENESIS;
  return tx.auditRecord.create({ data: { ...row, prevHash, hash: recordHash(row, prevHash) } });
}

// P2002: another writer took the head first (unique prevHash). P2034: PostgreSQL ended a transaction
// in a write conflict or deadlock. P1008: SQLite was busy, e.g. another process's transaction holds
// the write lock (Prisma reports SQLITE_BUSY as a timeout); a busy COMMIT reaches us as the driver
// adapter's own error instead, with SQLITE_BUSY as its cause.
const isRetryable = (e: unknown) =>
  ["P2002", "P1008", "P2034"].includes((e as { code?: string }).code ?? "") || (e as { cause?: { originalCode?: string } }).cause?.originalCode === "SQLITE_BUSY";
// Bounded by time rather than attempts: on a loaded machine another process may keep the lock for
// several of our attempts; a database locked for good is refused after this long.
export const AUDIT_RETRY_MS = 10_000;

/**
 * Run `fn` in a transaction, again from the start when another writer got there first. The
 * caches it invalidates hear it again after the commit (lib/core/invalidation.ts).
 */
export async function auditedTransaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  return oneAtATimeInProcess("audit-chain", async () => {
    const giveUpAt = Date.now() + AUDIT_RETRY_MS;
    for (let attempt = 1; ; attempt++) {
      try {
        return await afterCommit(() => db().$transaction(fn));
      } catch (e) {
        if (Date.now() >= giveUpAt || !isRetryable(e)) throw e;
        await new Promise((r) => setTimeout(r, Math.random() * Math.min(100, 20 * attempt)));
      }
    }
  });
}

/** Append one row: inside `tx` when given (a database change and its audit row commit together). */
export async function appendAudit(input: AuditRowInput, tx?: Tx): Promise<AuditRecord> {
  return timedAuditAppend(() => (tx ? appendIn(tx, input) : auditedTransaction((t) => appendIn(t, input))));
}
