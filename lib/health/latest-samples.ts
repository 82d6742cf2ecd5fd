// The newest stored sample of every member of every cluster: one sampler run writes all members of
// a cluster with one timestamp, so that run's rows (for /metrics: whichever instance samples, every
// instance reads the same rows).
import "server-only";
import type { PrismaClient, HealthSample } from "@/lib/core/db/generated/prisma/client";

export async function latestSamples(db: PrismaClient, clusterIds: string[]): Promise<HealthSample[]> {
  if (clusterIds.length === 0) return [];
  const newest = await db.healthSample.groupBy({ by: ["clusterId"], where: { clusterId: { in: clusterIds } }, _max: { at: true } });
  const runs = newest.flatMap((n) => (n._max.at ? [{ clusterId: n.clusterId, at: n._max.at }] : []));
  if (runs.length === 0) return [];
  return db.healthSample.findMany({ where: { OR: runs }, orderBy: [{ clusterId: "asc" }, { member: "asc" }] });
}
