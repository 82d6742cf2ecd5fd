// Change-request notifications: POSTed to the cluster's webhook (the console's JSON, or a
// Slack-compatible { text } when the cluster's webhookFormat is "slack"), retried with backoff,
// never awaited by the request and never failing it. The URL is logged redacted only.
import "server-only";
import { db } from "@/lib/core/db/client";
import { webhookUrlRefusal } from "@/lib/core/host-allowlist";
import { redactUrl, redactUrlIn } from "@/lib/core/redact";

export type ChangeEventKind = "submitted" | "approved" | "rejected" | "withdrawn" | "applied" | "stale" | "failed" | "break_glass";

export type ChangeNotice = {
  kind: ChangeEventKind;
  request: { id: number; clusterId: string; clusterName: string; operation: string; path: string; status: string; authorName: string; reason: string | null; opCount: number; requiredApprovals: number };
  actorName: string;
  comment?: string | null;
};

const TRIES = 3;
const TIMEOUT_MS = 5000;
const backoffMs = () => Math.max(1, Number(process.env.CHANGE_WEBHOOK_BACKOFF_MS ?? 1000));
const pending: Set<Promise<void>> = ((globalThis as { __changeWebhooks?: Set<Promise<void>> }).__changeWebhooks ??= new Set());

const linkOf = (id: number) => `${(process.env.NEXTAUTH_URL ?? "").replace(/\/$/, "")}/changes/${id}`;

export function jsonPayload(n: ChangeNotice) {
  return { event: `change_request.${n.kind}`, cluster: { id: n.request.clusterId, name: n.request.clusterName }, changeRequest: { ...n.request, url: linkOf(n.request.id) }, actor: n.actorName, comment: n.comment ?? null };
}

export function slackPayload(n: ChangeNotice) {
  const r = n.request;
  const what = `${r.operation} of ${r.path} (${r.opCount} znode operation${r.opCount === 1 ? "" : "s"})`;
  const said = n.comment ? `: “${n.comment}”` : "";
  return { text: `[${r.clusterName}] change request #${r.id} ${n.kind.replace("_", " ")} by ${n.actorName}${said} – ${what} by ${r.authorName}. ${linkOf(r.id)}` };
}

/** Queue the notification; returns at once. */
export function notifyChange(n: ChangeNotice): void {
  const p = deliver(n).catch((e) => console.warn(`[changes] notification of #${n.request.id} failed: ${(e as Error).message}`)).finally(() => pending.delete(p));
  pending.add(p);
}

/** For tests and shutdown: wait for deliveries in flight. */
export async function changeNotificationsSettled(): Promise<void> {
  while (pending.size) await Promise.allSettled([...pending]);
}

async function deliver(n: ChangeNotice): Promise<void> {
  const cluster = await db().cluster.findUnique({ where: { id: n.request.clusterId }, select: { webhookUrl: true, webhookFormat: true } });
  if (!cluster?.webhookUrl) return;
  // Checked at each delivery too: the URL may predate CLUSTER_HOST_ALLOWLIST, or its name resolve elsewhere now.
  const refused = await webhookUrlRefusal(cluster.webhookUrl).catch((e: Error) => e.message);
  if (refused) return void console.warn(`[changes] webhook ${n.kind} of change request #${n.request.id} to ${redactUrl(cluster.webhookUrl)} not sent: ${refused}`);
  const body = JSON.stringify(cluster.webhookFormat === "slack" ? slackPayload(n) : jsonPayload(n));
  let lastError = "";
  for (let attempt = 1; attempt <= TRIES; attempt++) {
    try {
      const res = await fetch(cluster.webhookUrl, { method: "POST", headers: { "content-type": "application/json", "user-agent": "zk-console-changes" }, body, signal: AbortSignal.timeout(TIMEOUT_MS), redirect: "error" });
      await res.arrayBuffer().catch(() => undefined);
      if (res.ok) return;
      lastError = `HTTP ${res.status}`;
    } catch (e) {
      lastError = (e as Error).message;
    }
    console.warn(`[changes] webhook ${n.kind} of change request #${n.request.id} to ${redactUrl(cluster.webhookUrl)} failed (try ${attempt} of ${TRIES}): ${redactUrlIn(lastError, cluster.webhookUrl)}`);
    if (attempt < TRIES) await new Promise((r) => setTimeout(r, backoffMs() * 2 ** (attempt - 1)));
  }
}
