"use client";

import { useHealthAlerts } from "@/lib/health/client/use-health-alerts";
import { ErrorBox } from "@/components/error-box";
import { ago, dash } from "./format";
import { StateBadge } from "./state-badge";

export function AlertsList({ clusterId, webhookConfigured }: { clusterId: string; webhookConfigured: boolean }) {
  const alerts = useHealthAlerts(clusterId, null);
  return (
    <section className="card hl-section" aria-label="Alerts">
      <h2>Alerts</h2>
      {!webhookConfigured && <p className="muted">No webhook is configured for this cluster (cluster settings).</p>}
      {alerts.isError ? <ErrorBox error={alerts.error} /> : !alerts.data?.length ? <p className="muted">No alerts recorded.</p> : (
        <div className="hl-scroll">
          <table className="hl-table" data-testid="alerts-table">
            <thead><tr><th>Severity</th><th>What</th><th>Started</th><th>Resolved</th><th>Webhook</th></tr></thead>
            <tbody>
              {alerts.data.map((a) => (
                <tr key={a.id}>
                  <td><StateBadge state={a.severity} /></td>
                  <td>{a.message}<div className="muted">{a.kind}</div></td>
                  <td title={a.startedAt}>{ago(a.startedAt)}</td>
                  <td>{a.resolvedAt ? <span title={a.resolvedAt}>{ago(a.resolvedAt)}</span> : <strong>open</strong>}</td>
                  <td>{a.webhookStatus ? `${a.webhookStatus} (${a.webhookTries} tries)` : dash}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
