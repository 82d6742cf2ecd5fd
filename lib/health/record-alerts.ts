// Reconcile alert conditions with the open HealthAlert rows of a cluster: open what is
// new, resolve what no longer holds, record events; webhooks for every opening/resolution.
// One transaction under a lock per cluster: committing the opening or resolution of an alert row
// is what entitles an instance to send its webhook, so two instances sampling at once (a leader
// change) never both open, resolve or announce the same alert.
import "server-only";
import { db } from "@/lib/core/db/client";
import { lockForTransaction } from "@/lib/core/db/lock";
import type { HealthAlert } from "@/lib/core/db/generated/prisma/client";
import type { AlertCondition } from "./alert-conditions";
import { sendAlertWebhook, type AlertEvent } from "./webhook";

type ClusterRef = { id: string; name: string; webhookUrl: string | null };
const key = (a: { kind: string; member: string | null }) => `${a.kind}|${a.member ?? ""}`;

export async function recordAlerts(cluster: ClusterRef, conditions: AlertCondition[], events: AlertCondition[]): Promise<{ opened: HealthAlert[]; resolved: HealthAlert[] }> {
  const { opened, resolved } = await db().$transaction(async (tx) => {
    await lockForTransaction(tx, `health-alerts:${cluster.id}`);
    const open = await tx.healthAlert.findMany({ where: { clusterId: cluster.id, resolvedAt: null } });
    const holding = new Set(conditions.map(key));
    const openKeys = new Set(open.map(key));
    const now = new Date();
    const resolved: HealthAlert[] = [];
    for (const a of open.filter((x) => !holding.has(key(x)))) {
      resolved.push(await tx.healthAlert.update({ where: { id: a.id }, data: { resolvedAt: now } }));
    }
    const opened: HealthAlert[] = [];
    for (const c of conditions.filter((x) => !openKeys.has(key(x)))) {
      opened.push(await tx.healthAlert.create({ data: { clusterId: cluster.id, ...c } }));
    }
    // Events (a leader change) are recorded already resolved: nothing to wait for.
    for (const e of events) opened.push(await tx.healthAlert.create({ data: { clusterId: cluster.id, ...e, resolvedAt: now } }));
    return { opened, resolved };
  });
  if (cluster.webhookUrl) {
    for (const a of opened) notify(cluster, a, "alert.opened");
    for (const a of resolved) notify(cluster, a, "alert.resolved");
  }
  return { opened, resolved };
}

function notify(cluster: ClusterRef, a: HealthAlert, event: AlertEvent) {
  sendAlertWebhook(cluster.webhookUrl!, {
    event,
    cluster: { id: cluster.id, name: cluster.name },
    alert: { id: a.id, kind: a.kind, member: a.member, severity: a.severity, message: a.message, startedAt: a.startedAt.toISOString(), resolvedAt: a.resolvedAt?.toISOString() ?? null },
  });
}
