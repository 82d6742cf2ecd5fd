// Alerts of a cluster, newest first; `open=true` for those not resolved.
import "server-only";
import { authorize } from "@/lib/access/permissions";
import { clusterOf } from "@/lib/access/clusters";
import { db } from "@/lib/core/db/client";
import type { RequestCtx } from "@/lib/core/context";
import { alertsQuery } from "./schema";

export async function listAlerts({ ctx, clusterId, input }: { ctx: RequestCtx; clusterId: string; input: unknown }) {
  const q = alertsQuery.parse(input);
  const cluster = await clusterOf(ctx, clusterId);
  authorize(ctx.actor, "read", cluster);
  const rows = await db().healthAlert.findMany({
    where: { clusterId, ...(q.open === "true" ? { resolvedAt: null } : q.open === "false" ? { resolvedAt: { not: null } } : {}) },
    orderBy: { startedAt: "desc" },
    take: q.limit,
  });
  return {
    alerts: rows.map((a) => ({
      id: a.id, kind: a.kind, member: a.member, severity: a.severity, message: a.message,
      startedAt: a.startedAt.toISOString(), resolvedAt: a.resolvedAt?.toISOString() ?? null,
      webhookStatus: a.webhookStatus, webhookTries: a.webhookTries,
    })),
  };
}
