// The background health sampler: one per process (held on globalThis), started from
// lib/startup.ts. Every interval it samples all clusters concurrently; a cluster whose
// previous sample is still running is skipped, and no tick waits for any cluster, so one bad
// cluster never stalls the others. With several instances on one PostgreSQL database only the
// elected one samples and sends alert webhooks (lib/core/db/leadership.ts); the others try to take
// over every interval, so a dead sampler is replaced within two intervals.
import "server-only";
import { db } from "@/lib/core/db/client";
import { lastKnownLeader, sampleCluster } from "./sample-cluster";
import { electLeader, type Leadership } from "@/lib/core/db/leadership";
import { logger } from "@/lib/core/log";

const log = logger("health");

export type SamplerOptions = { intervalMs?: number; retentionHours?: number };
type Sampler = {
  intervalMs: number;
  retentionHours: number;
  timer: NodeJS.Timeout | null;
  inFlight: Map<string, Promise<void>>;
  leaders: Map<string, string | null>;
  /** Completed samples per cluster. */
  completed: Map<string, number>;
  lastPrune: number;
  stopped: boolean;
  leadership: Leadership;
};

const holder = globalThis as { __healthSampler?: Sampler };
const PRUNE_EVERY_MS = 10 * 60_000;

export function startHealthSampler(opts: SamplerOptions = {}): Sampler {
  if (holder.__healthSampler && !holder.__healthSampler.stopped) return holder.__healthSampler;
  const s: Sampler = {
    intervalMs: opts.intervalMs ?? (Number(process.env.HEALTH_SAMPLE_INTERVAL_MS) || 15_000),
    retentionHours: opts.retentionHours ?? (Number(process.env.HEALTH_RETENTION_HOURS) || 72),
    timer: null, inFlight: new Map(), leaders: new Map(), completed: new Map(), lastPrune: 0, stopped: false,
    leadership: { isLeader: () => false, stop: async () => {} },
  };
  s.leadership = electLeader("health-sampler", { retryMs: s.intervalMs, onLead: () => void tick(s) });
  holder.__healthSampler = s;
  const loop = () => {
    if (s.stopped) return;
    void tick(s);
    s.timer = setTimeout(loop, s.intervalMs);
    s.timer.unref?.();
  };
  loop();
  return s;
}

export async function stopHealthSampler(): Promise<void> {
  const s = holder.__healthSampler;
  if (!s) return;
  s.stopped = true;
  if (s.timer) clearTimeout(s.timer);
  await s.leadership.stop();
  await Promise.allSettled([...s.inFlight.values()]);
  holder.__healthSampler = undefined;
}

/** Whether this instance runs the health sampler now (the elected one of several on PostgreSQL). */
export const samplerLeads = (): boolean => !!holder.__healthSampler && !holder.__healthSampler.stopped && holder.__healthSampler.leadership.isLeader();

/** Completed samples of one cluster by the running sampler (tests count samples, never wall-clock time). */
export function sampleCount(clusterId: string): number {
  return holder.__healthSampler?.completed.get(clusterId) ?? 0;
}

async function tick(s: Sampler): Promise<void> {
  if (s.stopped || !s.leadership.isLeader()) return;
  let clusters;
  try {
    clusters = await db().cluster.findMany();
  } catch (e) {
    log.warn({ err: e }, "the sampler could not list clusters");
    return;
  }
  for (const cluster of clusters) {
    if (s.inFlight.has(cluster.id)) continue; // still sampling (a slow or hung cluster): skip it, never pile up
    const run = (async () => {
      if (!s.leaders.has(cluster.id)) s.leaders.set(cluster.id, await lastKnownLeader(cluster.id));
      const view = await sampleCluster(cluster, s.leaders.get(cluster.id) ?? null);
      if (view.quorum.leader) s.leaders.set(cluster.id, view.quorum.leader.address);
      s.completed.set(cluster.id, (s.completed.get(cluster.id) ?? 0) + 1);
    })()
      .catch((e) => log.warn({ err: e, cluster: cluster.name }, "sampling the cluster failed"))
      .finally(() => s.inFlight.delete(cluster.id));
    s.inFlight.set(cluster.id, run);
  }
  if (Date.now() - s.lastPrune > PRUNE_EVERY_MS) {
    s.lastPrune = Date.now();
    await db().healthSample.deleteMany({ where: { at: { lt: new Date(Date.now() - s.retentionHours * 3_600_000) } } })
      .catch((e) => log.warn({ err: e }, "pruning samples failed"));
  }
}
