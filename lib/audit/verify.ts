// Walk the chain from the first record: each must point at its predecessor's hash and hash to
// what it says. The first record that does not is reported; everything before it is intact.
import "server-only";
import { db } from "@/lib/core/db/client";
import { GENESIS, recordHash } from "@/lib/access/audit/chain";
import type { AuditRecord } from "@/lib/core/db/generated/prisma/client";

export type VerifyResult =
  | { ok: true; checked: number; headId: number | null; headHash: string | null }
  | { ok: false; checked: number; brokenAt: number; lastGoodId: number | null; problem: string };

const BATCH = 2000;

function problemOf(row: AuditRecord, prev: { id: number; hash: string } | null): string | null {
  if (!row.hash || !row.prevHash) return `record ${row.id} has no hash: it was written or altered outside the console`;
  const expectedPrev = prev?.hash ?? GENESIS;
  if (row.prevHash !== expectedPrev) {
    return prev
      ? `record ${row.id} does not follow record ${prev.id}: a record between them was removed, or record ${prev.id} was altered`
      : `record ${row.id} is the first record but does not start the chain: earlier records were removed`;
  }
  if (recordHash(row, row.prevHash) !== row.hash) return `record ${row.id} was altered after it was written: its content does not match its hash`;
  return null;
}

export async function verifyAuditChain(): Promise<VerifyResult> {
  let prev: { id: number; hash: string } | null = null;
  let checked = 0;
  for (;;) {
    const rows: AuditRecord[] = await db().auditRecord.findMany({ where: prev ? { id: { gt: prev.id } } : {}, orderBy: { id: "asc" }, take: BATCH });
    for (const row of rows) {
      const problem = problemOf(row, prev);
      if (problem) return { ok: false, checked, brokenAt: row.id, lastGoodId: prev?.id ?? null, problem };
      prev = { id: row.id, hash: row.hash! };
      checked++;
    }
    if (rows.length < BATCH) return { ok: true, checked, headId: prev?.id ?? null, headHash: prev?.hash ?? null };
  }
}
