// Applying planned batches on one session, in order: each batch is one multi (all or nothing), so a
// failure never leaves a half-applied batch. After a lost connection a batch is read back before it
// is sent again: the ops of one multi share one transaction id, which tells "ours, applied" from
// "not applied" (anything in between stays unknown and says so).
import { errors } from "@/lib/core/errors";
import type { MultiOp, RawStat, ZkClient } from "@/lib/core/zk/client";
import { isZkCode, ZkMultiError } from "@/lib/core/zk/errors";
import { sameAcl } from "@/lib/core/zk/perms";
import { retryAfterConnectionLoss } from "@/lib/core/zk/retry";
import { isSequentialCreate, type Batch, type OpName, type PrimitiveOp } from "./op-list";

/** One applied op: the created path (null: a sequential name a read-back could not learn) or the new Stat. */
export type AppliedOp = { index: number; op: OpName; path: string; createdPath?: string | null; stat?: RawStat };
export type BatchProgress = { done: number; total: number; batch: number; batches: number };

const toMulti = (op: Exclude<PrimitiveOp, { op: "setAcl" }>): MultiOp =>
  op.op === "create" ? { op: "create", path: op.path, data: op.data ?? Buffer.alloc(0), flags: op.flags ?? 0, ttl: op.ttlMs, acl: op.acl } : op;

const sameBytes = (a: Buffer | undefined, b: Buffer) => (a ?? Buffer.alloc(0)).equals(b);

/** Whether a batch whose answer was lost was applied (its results), not applied (false), or cannot be told (null). */
async function readBack(client: ZkClient, batch: Batch): Promise<AppliedOp[] | false | null> {
  await client.sync(batch.ops[0].path);
  const zxids = new Set<number>();
  let applied = 0;
  let notApplied = 0;
  const results: AppliedOp[] = [];
  for (const [i, op] of batch.ops.entries()) {
    const result: AppliedOp = { index: batch.from + i, op: op.op, path: op.path };
    results.push(result);
    if (op.op === "check" || isSequentialCreate(op)) {
      if (op.op === "create") result.createdPath = null;
      continue;
    }
    const now = await client.get(op.path).catch((e) => (isZkCode(e, "NO_NODE") ? null : Promise.reject(e)));
    if (op.op === "create") {
      if (!now) notApplied++;
      else if (sameBytes(op.data, now.data)) (applied++, zxids.add(now.stat.czxid), (result.createdPath = op.path));
      else return null;
    } else if (op.op === "set") {
      if (now && now.stat.version === op.version) notApplied++;
      else if (now && now.stat.version === op.version + 1 && sameBytes(op.data, now.data)) (applied++, zxids.add(now.stat.mzxid), (result.stat = now.stat));
      else return null;
    } else if (op.op === "delete") {
      if (now && now.stat.version === op.version) notApplied++;
      else if (!now) applied++;
      else return null;
    }
  }
  if (applied > 0 && notApplied === 0 && zxids.size <= 1) return results;
  if (notApplied > 0 && applied === 0) return false;
  return null;
}

async function applyMulti(client: ZkClient, batch: Batch): Promise<AppliedOp[]> {
  return retryAfterConnectionLoss(async (attempt) => {
    if (attempt > 1) {
      const verdict = await readBack(client, batch);
      if (verdict) return verdict;
      if (verdict === null) throw errors.batchUndecided(batch.from, batch.ops.length);
    }
    const results = await client.multi(batch.ops.map((o) => toMulti(o as Exclude<PrimitiveOp, { op: "setAcl" }>)));
    return results.map((r, i): AppliedOp => ({
      index: batch.from + i, op: batch.ops[i].op, path: batch.ops[i].path,
      ...(r.op === "create" ? { createdPath: r.path } : r.op === "set" ? { stat: r.stat } : {}),
    }));
  });
}

async function applySetAcl(client: ZkClient, batch: Batch): Promise<AppliedOp[]> {
  const op = batch.ops[0] as Extract<PrimitiveOp, { op: "setAcl" }>;
  await retryAfterConnectionLoss(async (attempt) => {
    try {
      await client.setAcl(op.path, op.version, op.acl);
    } catch (e) {
      // Sent again after a lost answer: our ACL already there one version on is ours that landed.
      if (attempt > 1 && isZkCode(e, "BAD_VERSION")) {
        const now = await client.getAcl(op.path);
        if (now.stat.aversion === op.version + 1 && sameAcl(now.acl, op.acl)) return;
      }
      throw e;
    }
  });
  return [{ index: batch.from, op: "setAcl", path: op.path }];
}

/** Where a batched apply stopped: what was applied before it, for the error the caller reports. */
export type StoppedAt = { batch: number; batches: number; from: number; size: number; applied: number; total: number; cause: Error };

/**
 * Apply `batches` in order on `client`. Throws at the first batch that fails, with `stoppedAt`
 * telling how many ops (whole batches) were applied before it; that batch itself applied nothing.
 */
export async function applyBatches(client: ZkClient, batches: Batch[], onProgress: (p: BatchProgress) => unknown = () => {}): Promise<AppliedOp[]> {
  const total = batches.reduce((n, b) => n + b.ops.length, 0);
  const results: AppliedOp[] = [];
  for (const [k, batch] of batches.entries()) {
    try {
      results.push(...(batch.kind === "setAcl" ? await applySetAcl(client, batch) : await applyMulti(client, batch)));
    } catch (e) {
      const stoppedAt: StoppedAt = { batch: k, batches: batches.length, from: batch.from, size: batch.ops.length, applied: results.length, total, cause: e as Error };
      throw Object.assign(e as Error, { stoppedAt });
    }
    // Awaited: a caller may hold the next batch back (tests interleave other writers here).
    await onProgress({ done: results.length, total, batch: k + 1, batches: batches.length });
  }
  return results;
}

export const isMultiRefusal = (e: unknown): e is ZkMultiError => e instanceof ZkMultiError;
