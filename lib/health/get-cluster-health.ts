// GET health of one cluster: every member probed now, quorum, lag, open alerts.
import "server-only";
import { authorize, can } from "@/lib/access/permissions";
import { clusterOf } from "@/lib/access/clusters";
import type { RequestCtx } from "@/lib/core/context";
import { inspectEnsemble } from "./inspect-ensemble";
import { listAlerts } from "./list-alerts";
import { readDynamicConfig } from "./read-dynamic-config";

export async function getClusterHealth({ ctx, clusterId }: { ctx: RequestCtx; clusterId: string }) {
  const cluster = await clusterOf(ctx, clusterId);
  authorize(ctx.actor, "read", cluster);
  const config = await readDynamicConfig(ctx, cluster.id);
  const { probes: _p, ...view } = await inspectEnsemble(cluster, { dynamicConfig: config.text });
  const alerts = await listAlerts({ ctx, clusterId, input: { open: "true" } });
  return {
    cluster: { id: cluster.id, name: cluster.name, adminServerPort: cluster.adminServerPort, latencyAlertMs: cluster.latencyAlertMs, webhookConfigured: !!cluster.webhookUrl },
    ...view,
    configNote: config.note,
    alerts: alerts.alerts,
    /** Whether the user may reconfigure the ensemble (the server checks again on apply). */
    canAdmin: can(ctx.actor, "admin", cluster, "/"),
  };
}
