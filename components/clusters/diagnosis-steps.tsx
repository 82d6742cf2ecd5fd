import type { Wire } from "@/lib/core/client/answer";
import type { Diagnosis } from "@/lib/clusters/diagnostics-schema";

const STEP_LABELS: Record<Diagnosis["steps"][number]["step"], string> = {
  settings: "Settings", dns: "DNS", tcp: "TCP", tls: "TLS handshake", server: "Server", session: "Session", sasl: "SASL", chroot: "Chroot",
};
const MARK = { ok: "✓", failed: "✗", skipped: "–" } as const;

/** A connection diagnosis, one line per step (server text rendered as text), each failure with what to do next. */
export function DiagnosisSteps({ diagnosis }: { diagnosis: Wire<Diagnosis> }) {
  return (
    <div role="status" aria-label="Connection diagnosis">
      <p className={diagnosis.ok ? "ok-text" : "error-text"}>{diagnosis.ok ? "Every check passed." : "The connection does not work yet: see the failed steps."}</p>
      <ol className="diagnosis-steps">
        {diagnosis.steps.map((s, i) => (
          <li key={i} data-testid="diagnosis-step" data-step={s.step} data-status={s.status}>
            <span className={s.status === "ok" ? "ok-text" : s.status === "failed" ? "error-text" : "muted"} aria-label={s.status}>{MARK[s.status]}</span>{" "}
            <strong>{STEP_LABELS[s.step]}</strong>
            {s.target && <code className="muted"> {s.target}</code>}: {s.detail}
            {s.ms !== undefined && <span className="muted"> ({s.ms} ms)</span>}
            {s.next && <div className="muted">Next: {s.next}</div>}
          </li>
        ))}
      </ol>
    </div>
  );
}
