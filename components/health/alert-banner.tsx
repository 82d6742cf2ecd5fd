"use client";

import { useHealthAlerts } from "@/lib/health/client/use-health-alerts";
import "./health.css";

/** Open alerts of a cluster, above its pages. Renders nothing when all is well. */
export function AlertBanner({ clusterId }: { clusterId: string }) {
  const alerts = useHealthAlerts(clusterId, true);
  const open = alerts.data ?? [];
  if (!open.length) return null;
  const critical = open.some((a) => a.severity === "critical");
  return (
    <div className={critical ? "hl-banner" : "hl-banner warning"} role="alert" data-testid="alert-banner">
      <strong>{open.length} open health alert{open.length === 1 ? "" : "s"}</strong>
      <ul>
        {open.slice(0, 5).map((a) => (
          <li key={a.id}>{a.message}</li>
        ))}
      </ul>
    </div>
  );
}
