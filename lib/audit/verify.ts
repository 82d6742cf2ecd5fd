// Walk the chain from the first record: each must point at its predecessor's hash and hash to
// what it says, with the key from the keyed part on (records before it carry the public, unkeyed
// hash, and an unkeyed record after it is a rewrite). Then compare the head with the latest signed
// checkpoint (checkpoint.ts): fewer records than it saw, or another hash at its head, is
// tampering that the chain alone cannot show.
import "server-only";
import { db } from "@/lib/core/db/client";
import { GENESIS, KEYED, recordHash, unkeyedRecordHash } from "@/lib/access/audit/chain";
import { auditChainKey, auditKeySource } from "@/lib/access/audit/chain-key";
import type { AuditRecord } from "@/lib/core/db/generated/prisma/client";
import { checkpointFile, latestCheckpoint, signatureValid, type Checkpoint } from "./checkpoint";

export type ChainHead = { id: number; hash: string; keyedFrom: number | null };

export type ChainCheck =
  | { ok: true; checked: number; headId: number | null; headHash: string | null; keyedFrom: number | null }
  | { ok: false; checked: number; brokenAt: number | null; lastGoodId: number | null; problem: string };

/** How the trail compares with the latest checkpoint. */
export type CheckpointCheck =
  | { status: "none"; file: string }
  | { status: "matches"; at: string; headId: number | null; count: number; keyedFrom: number | null }
  | { status: "differs"; at: string | null; problem: string };

export type VerifyResult = ChainCheck & { checkpoint: CheckpointCheck };

const BATCH = 2000;

function problemOf(row: AuditRecord, prev: { id: number; hash: string } | null, keyedFrom: number | null, key: Buffer): string | null {
  if (!row.hash || !row.prevHash) return `record ${row.id} has no hash: it was written or altered outside the console`;
  const expectedPrev = prev?.hash ?? GENESIS;
  if (row.prevHash !== expectedPrev) {
    return prev
      ? `record ${row.id} does not follow record ${prev.id}: a record between them was removed, or record ${prev.id} was altered`
      : `record ${row.id} is the first record but does not start the chain: earlier records were removed`;
  }
  if (row.hash.startsWith(KEYED)) {
    if (recordHash(row, row.prevHash, key) !== row.hash) return `record ${row.id} does not match its keyed hash: it was altered after it was written (or ${auditKeySource()} is not the key the trail was written with)`;
    return null;
  }
  if (keyedFrom !== null) return `record ${row.id} carries an unkeyed hash although the keyed chain began at record ${keyedFrom}: it was rewritten by someone without the key`;
  if (unkeyedRecordHash(row, row.prevHash) !== row.hash) return `record ${row.id} was altered after it was written: its content does not match its hash`;
  return null;
}

/** The chain from the start, or from a head already verified (a checkpoint's) to the newest record. */
export async function verifyChain(from: ChainHead | null = null): Promise<ChainCheck> {
  const key = auditChainKey();
  let prev: { id: number; hash: string } | null = from && { id: from.id, hash: from.hash };
  let keyedFrom = from?.keyedFrom ?? null;
  let checked = 0;
  for (;;) {
    const rows: AuditRecord[] = await db().auditRecord.findMany({ where: prev ? { id: { gt: prev.id } } : {}, orderBy: { id: "asc" }, take: BATCH });
    for (const row of rows) {
      const problem = problemOf(row, prev, keyedFrom, key);
      if (problem) return { ok: false, checked, brokenAt: row.id, lastGoodId: prev?.id ?? null, problem };
      if (keyedFrom === null && row.hash!.startsWith(KEYED)) keyedFrom = row.id;
      prev = { id: row.id, hash: row.hash! };
      checked++;
    }
    if (rows.length < BATCH) return { ok: true, checked, headId: prev?.id ?? null, headHash: prev?.hash ?? null, keyedFrom };
  }
}

/** Whether the (intact) trail still holds what the latest checkpoint saw. */
export async function compareWithCheckpoint(): Promise<CheckpointCheck> {
  const latest = latestCheckpoint();
  if (!latest) return { status: "none", file: checkpointFile() };
  if ("unreadable" in latest) return { status: "differs", at: null, problem: latest.unreadable };
  const cp: Checkpoint = latest.checkpoint;
  if (!signatureValid(cp)) return { status: "differs", at: cp.at ?? null, problem: `the latest checkpoint (${cp.at}) does not carry a valid signature of the console's signing key: it was forged or edited` };
  const count = cp.headId === null ? 0 : await db().auditRecord.count({ where: { id: { lte: cp.headId } } });
  const atHead = cp.headId === null ? null : await db().auditRecord.findUnique({ where: { id: cp.headId }, select: { hash: true } });
  if (cp.headId !== null && !atHead) {
    const head = await db().auditRecord.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
    return { status: "differs", at: cp.at, problem: `the checkpoint of ${cp.at} saw ${cp.count} records up to record ${cp.headId}, but the trail now ends at ${head ? `record ${head.id}` : "no record at all"}: the newest records were deleted` };
  }
  if (count !== cp.count) return { status: "differs", at: cp.at, problem: `the checkpoint of ${cp.at} saw ${cp.count} records up to record ${cp.headId}, the trail now has ${count}: records were removed or inserted` };
  if (atHead && atHead.hash !== cp.headHash) return { status: "differs", at: cp.at, problem: `record ${cp.headId} is not the one the checkpoint of ${cp.at} saw (its hash differs): the trail was rewritten up to there and its hashes recomputed` };
  return { status: "matches", at: cp.at, headId: cp.headId, count: cp.count, keyedFrom: cp.keyedFrom };
}

/** The whole check `npm run audit:verify` and the admin page run. */
export async function verifyAuditChain(): Promise<VerifyResult> {
  const chain = await verifyChain();
  const checkpoint = await compareWithCheckpoint();
  if (!chain.ok) return { ...chain, checkpoint };
  if (checkpoint.status === "differs") return { ok: false, checked: chain.checked, brokenAt: null, lastGoodId: chain.headId, problem: checkpoint.problem, checkpoint };
  // A checkpoint taken before the first keyed record (keyedFrom null) allows keying to begin after its head.
  const keyedLater = checkpoint.status === "matches" && checkpoint.keyedFrom === null && chain.keyedFrom !== null && chain.keyedFrom > (checkpoint.headId ?? 0);
  if (checkpoint.status === "matches" && checkpoint.keyedFrom !== chain.keyedFrom && !keyedLater) {
    const problem = `the checkpoint of ${checkpoint.at} saw the keyed chain begin at record ${checkpoint.keyedFrom}, the trail now at ${chain.keyedFrom ?? "no record"}: it was rewritten`;
    return { ok: false, checked: chain.checked, brokenAt: null, lastGoodId: null, problem, checkpoint: { status: "differs", at: checkpoint.at, problem } };
  }
  return { ...chain, checkpoint };
}
