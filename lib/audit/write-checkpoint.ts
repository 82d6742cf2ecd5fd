// Writing checkpoints: after verifying the records since the previous checkpoint (so a checkpoint
// never vouches for a broken or rewritten chain), at an interval (AUDIT_CHECKPOINT_INTERVAL_MS,
// default 60 s, "off" to disable; only when the trail grew) and on demand (the admin page, the API,
// `npm run audit:checkpoint`).
import "server-only";
import { requireGlobalAdmin } from "@/lib/access/permissions";
import type { RequestCtx } from "@/lib/core/context";
import { logger } from "@/lib/core/log";
import { latestCheckpoint, publishCheckpoint, signCheckpoint, type Checkpoint } from "./checkpoint";
import { compareWithCheckpoint, verifyChain } from "./verify";

const log = logger("audit");

export type CheckpointOutcome = { written: Checkpoint | null; problem: string | null };

let running: Promise<unknown> = Promise.resolve();

/** One writer at a time in this process (the timer and an admin's request may meet). */
export function writeCheckpoint(opts: { ifChanged?: boolean } = {}): Promise<CheckpointOutcome> {
  const next = running.then(() => writeNow(opts.ifChanged ?? false));
  running = next.catch(() => undefined);
  return next;
}

async function writeNow(ifChanged: boolean): Promise<CheckpointOutcome> {
  const compared = await compareWithCheckpoint();
  if (compared.status === "differs") return { written: null, problem: compared.problem };
  const previous = compared.status === "matches" ? latestCheckpoint() : null;
  const cp = previous && "checkpoint" in previous ? previous.checkpoint : null;
  const chain = await verifyChain(cp && cp.headId !== null ? { id: cp.headId, hash: cp.headHash!, keyedFrom: cp.keyedFrom } : null);
  if (!chain.ok) return { written: null, problem: chain.problem };
  if (ifChanged && cp && chain.checked === 0) return { written: null, problem: null };
  const written = signCheckpoint({
    count: (cp && cp.headId !== null ? cp.count : 0) + chain.checked,
    headId: chain.headId ?? cp?.headId ?? null,
    headHash: chain.headHash ?? cp?.headHash ?? null,
    keyedFrom: chain.keyedFrom,
  });
  await publishCheckpoint(written);
  return { written, problem: null };
}

/** POST /api/v1/audit/checkpoint: a checkpoint now (admins). */
export async function checkpointNow({ ctx }: { ctx: RequestCtx }): Promise<CheckpointOutcome> {
  requireGlobalAdmin(ctx.actor, "write an audit checkpoint");
  return writeCheckpoint();
}

const g = globalThis as { __auditCheckpoints?: NodeJS.Timeout };

/** At start-up: a checkpoint now (when the trail grew since the last), then at the interval. */
export function startAuditCheckpoints(): void {
  const raw = process.env.AUDIT_CHECKPOINT_INTERVAL_MS?.trim();
  if (raw === "off" || g.__auditCheckpoints) return;
  const every = Number(raw || 60_000);
  let lastProblem: string | null = null;
  const tick = () => writeCheckpoint({ ifChanged: true }).then(({ problem }) => {
    // Said once per problem, not at every tick.
    if (problem && problem !== lastProblem) log.error({ problem }, "audit trail check failed: no checkpoint written until it is resolved (npm run audit:verify)");
    lastProblem = problem;
  }, (e) => log.error({ err: e }, "could not write an audit checkpoint"));
  void tick();
  g.__auditCheckpoints = setInterval(tick, Number.isFinite(every) && every >= 1000 ? every : 60_000);
  g.__auditCheckpoints.unref();
}
