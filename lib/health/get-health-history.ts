// Stored samples of a cluster (optionally one member) since a time, oldest first, for charts.
import "server-only";
import { authorize } from "@/lib/access/permissions";
import { clusterOf } from "@/lib/access/clusters";
import { db } from "@/lib/core/db/client";
import type { RequestCtx } from "@/lib/core/context";
import { historyQuery } from "./schema";

export async function getHealthHistory({ ctx, clusterId, input }: { ctx: RequestCtx; clusterId: string; input: unknown }) {
  const q = historyQuery.parse(input);
  const cluster = await clusterOf(ctx, clusterId);
  authorize(ctx.actor, "read", cluster);
  const since = q.since ? new Date(q.since) : new Date(Date.now() - 3_600_000);
  const where = { clusterId, at: { gte: since }, ...(q.member ? { member: q.member } : {}) };
  // The newest `limit` samples, returned oldest first.
  const rows = await db().healthSample.findMany({ where, orderBy: { at: "desc" }, take: q.limit });
  rows.reverse();
  const members = [...new Set(rows.map((r) => r.member))].sort();
  return {
    since: since.toISOString(),
    members,
    truncated: rows.length === q.limit,
    samples: rows.map(({ clusterId: _c, id: _i, at, ...r }) => ({ ...r, at: at.toISOString() })),
  };
}
