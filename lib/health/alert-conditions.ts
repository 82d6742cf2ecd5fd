// Which alert conditions hold for one look at an ensemble. Pure: the sampler records them.
import type { EnsembleView } from "./inspect-ensemble";

export type AlertKind = "member_down" | "quorum_lost" | "quorum_at_risk" | "leader_changed" | "latency_high";
export type AlertSeverity = "critical" | "warning" | "info";
export type AlertCondition = { kind: AlertKind; member: string | null; severity: AlertSeverity; message: string };

export function alertConditions(view: EnsembleView, opts: { latencyAlertMs: number | null }): AlertCondition[] {
  const out: AlertCondition[] = [];
  for (const m of view.members) {
    const name = `${m.address}${m.serverId ? ` (server ${m.serverId})` : ""}`;
    if (m.state === "down") out.push({ kind: "member_down", member: m.address, severity: "critical", message: `member ${name} is down: ${m.error ?? "no answer"}` });
    if (m.state === "not-serving") out.push({ kind: "member_down", member: m.address, severity: "critical", message: `member ${name} is running but not serving: it has no quorum` });
    if (opts.latencyAlertMs !== null && m.latency && m.latency.avg > opts.latencyAlertMs) {
      out.push({ kind: "latency_high", member: m.address, severity: "warning", message: `member ${name} average latency ${m.latency.avg} ms is above ${opts.latencyAlertMs} ms` });
    }
  }
  const q = view.quorum;
  if (q.status === "lost") out.push({ kind: "quorum_lost", member: null, severity: "critical", message: q.summary });
  if (q.status === "at-risk") out.push({ kind: "quorum_at_risk", member: null, severity: "warning", message: q.summary });
  if (q.status === "down") out.push({ kind: "quorum_lost", member: null, severity: "critical", message: q.summary });
  return out;
}

/** A leader change is an event, not a condition: reported when the leader differs from the last one seen. */
export function leaderChange(previous: string | null, view: EnsembleView): AlertCondition | null {
  const current = view.quorum.leader?.address ?? null;
  if (!previous || !current || previous === current) return null;
  return { kind: "leader_changed", member: current, severity: "warning", message: `leader changed from ${previous} to ${current}${view.quorum.leader?.serverId ? ` (server ${view.quorum.leader.serverId})` : ""}` };
}
