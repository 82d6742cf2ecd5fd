"use client";

// Cluster settings for health monitoring: AdminServer port, latency alert threshold, alert webhook.
export type HealthSettingsDraft = { adminServerPort?: string; latencyAlertMs?: string; webhookUrl?: string };
export type HealthSettings = { adminServerPort: number | null; latencyAlertMs: number | null; webhookUrl: string | null };

/** Blank fields mean "not used" (null). */
export function healthSettingsInput(d: HealthSettingsDraft): HealthSettings {
  const n = (v?: string) => (v && v.trim() ? Number(v) : null);
  return { adminServerPort: n(d.adminServerPort), latencyAlertMs: n(d.latencyAlertMs), webhookUrl: d.webhookUrl?.trim() || null };
}

export function healthSettingsDraft(c: Partial<HealthSettings>): HealthSettingsDraft {
  return { adminServerPort: c.adminServerPort ? String(c.adminServerPort) : "", latencyAlertMs: c.latencyAlertMs ? String(c.latencyAlertMs) : "", webhookUrl: c.webhookUrl ?? "" };
}

type Props = { draft: HealthSettingsDraft; onChange: (patch: HealthSettingsDraft) => void; idPrefix: string };

export function HealthSettingsFields({ draft, onChange, idPrefix }: Props) {
  return (
    <>
      <label className="field" htmlFor={`${idPrefix}-admin-port`}>
        <span>AdminServer port <span className="muted">(optional)</span></span>
        <input id={`${idPrefix}-admin-port`} type="number" min={1} max={65535} placeholder="8080" value={draft.adminServerPort ?? ""} onChange={(e) => onChange({ adminServerPort: e.target.value })} />
      </label>
      <label className="field" htmlFor={`${idPrefix}-latency`}>
        <span>Latency alert above (ms) <span className="muted">(optional)</span></span>
        <input id={`${idPrefix}-latency`} type="number" min={1} value={draft.latencyAlertMs ?? ""} onChange={(e) => onChange({ latencyAlertMs: e.target.value })} />
      </label>
      <label className="field" htmlFor={`${idPrefix}-webhook`}>
        <span>Alert webhook URL <span className="muted">(optional)</span></span>
        <input id={`${idPrefix}-webhook`} type="url" placeholder="https://hooks.example.com/zk" value={draft.webhookUrl ?? ""} onChange={(e) => onChange({ webhookUrl: e.target.value })} />
      </label>
    </>
  );
}
