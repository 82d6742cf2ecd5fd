// Alert webhooks: POST JSON to the cluster's URL, retried with exponential backoff; the
// delivery status lands on the alert row. Never awaited by the sampler.
import "server-only";
import { db } from "@/lib/core/db/client";
import { logger } from "@/lib/core/log";
import { webhookUrlRefusal } from "@/lib/core/host-allowlist";
import { redactUrl, redactUrlIn } from "@/lib/core/redact";

const log = logger("health");

export type AlertEvent = "alert.opened" | "alert.resolved";
export type WebhookPayload = {
  event: AlertEvent;
  cluster: { id: string; name: string };
  alert: { id: number; kind: string; member: string | null; severity: string; message: string; startedAt: string; resolvedAt: string | null };
};

const tries = () => Math.max(1, Number(process.env.HEALTH_WEBHOOK_TRIES ?? 5));
const backoffMs = () => Math.max(1, Number(process.env.HEALTH_WEBHOOK_BACKOFF_MS ?? 1000));
const TIMEOUT_MS = 5000;

const pending: Set<Promise<void>> = ((globalThis as { __healthWebhooks?: Set<Promise<void>> }).__healthWebhooks ??= new Set());

export function sendAlertWebhook(url: string, payload: WebhookPayload): void {
  const p = deliver(url, payload).finally(() => pending.delete(p));
  pending.add(p);
}

/** For tests and shutdown: wait for deliveries in flight. */
export async function webhooksSettled(): Promise<void> {
  while (pending.size) await Promise.allSettled([...pending]);
}

async function deliver(url: string, payload: WebhookPayload): Promise<void> {
  // Checked at each delivery too: the URL may predate CLUSTER_HOST_ALLOWLIST, or its name resolve elsewhere now.
  const refused = await webhookUrlRefusal(url).catch((e: Error) => e.message);
  if (refused) {
    log.warn({ event: payload.event, alertId: payload.alert.id, url: redactUrl(url), error: refused }, "alert webhook not sent");
    return record(payload.alert.id, `${payload.event} not sent: ${refused}`, 0);
  }
  const max = tries();
  let lastError = "";
  for (let attempt = 1; attempt <= max; attempt++) {
    try {
      const res = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", "user-agent": "zk-console-health" },
        body: JSON.stringify(payload),
        signal: AbortSignal.timeout(TIMEOUT_MS),
        redirect: "error",
      });
      await res.arrayBuffer().catch(() => undefined);
      if (res.ok) return record(payload.alert.id, `${payload.event} delivered: HTTP ${res.status}`, 1);
      lastError = `HTTP ${res.status}`;
    } catch (e) {
      lastError = redactUrlIn((e as Error).message, url);
    }
    log.warn({ event: payload.event, alertId: payload.alert.id, url: redactUrl(url), attempt, max, error: lastError }, "alert webhook failed");
    await record(payload.alert.id, `${payload.event} failing: ${lastError} (try ${attempt} of ${max})`, 1);
    if (attempt < max) await new Promise((r) => setTimeout(r, backoffMs() * 2 ** (attempt - 1)));
  }
  await record(payload.alert.id, `${payload.event} failed after ${max} tries: ${lastError}`, 0);
}

/** webhookTries counts every POST attempt for the alert (opened and resolved events). */
async function record(alertId: number, status: string, attempts: number): Promise<void> {
  await db().healthAlert.update({ where: { id: alertId }, data: { webhookStatus: status.slice(0, 500), webhookTries: { increment: attempts } } })
    .catch((e) => log.warn({ err: e, alertId }, "recording the webhook status failed"));
}
