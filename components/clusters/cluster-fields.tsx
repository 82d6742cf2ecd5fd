"use client";

import type { Cluster, ClusterInput } from "@/lib/clusters/client/types";
import { EMPTY_SECURITY, type SecurityDraft } from "./security-draft";
import { SecurityFields } from "./security-fields";
import { HealthSettingsFields, healthSettingsInput, type HealthSettings, type HealthSettingsDraft } from "./health-settings-fields";

export type ClusterDraft = { name: string; connectionString: string; sessionTimeoutMs: string; environment: string; readOnly: boolean; security: SecurityDraft } & HealthSettingsDraft;

export const EMPTY_DRAFT: ClusterDraft = { name: "", connectionString: "", sessionTimeoutMs: "15000", environment: "dev", readOnly: false, security: EMPTY_SECURITY };

const ENVIRONMENTS = ["prod", "staging", "dev", "test"];

/** Draft → request body (without the security fields: securityInput); a blank timeout is left to the server default. */
export function draftToInput(draft: ClusterDraft): ClusterInput & HealthSettings {
  const timeout = draft.sessionTimeoutMs.trim();
  return {
    name: draft.name.trim(),
    connectionString: draft.connectionString.trim(),
    ...(timeout ? { sessionTimeoutMs: Number(timeout) } : {}),
    // One of ENVIRONMENTS, or a stored value from before the list: sent as it is, for the server to judge.
    environment: draft.environment as ClusterInput["environment"],
    readOnly: draft.readOnly,
    ...healthSettingsInput(draft),
  };
}

/** `stored`: the security a registered cluster has now (edit form), shown as facts. */
type Props = { draft: ClusterDraft; onChange: (draft: ClusterDraft) => void; idPrefix: string; stored?: Cluster["security"] };

/** The form's labels by API field, so errors name what the operator sees. */
export const CLUSTER_FIELD_LABELS: Record<string, string> = {
  name: "Name", connectionString: "Connection string", sessionTimeoutMs: "Session timeout (ms)", environment: "Environment", readOnly: "Read-only", tls: "TLS",
  adminServerPort: "AdminServer port", latencyAlertMs: "Latency alert above (ms)", webhookUrl: "Alert webhook URL",
  sasl: "SASL", "tls.caPem": "CA certificate", "tls.certPem": "Client certificate", "tls.keyPem": "Client key", "tls.keyPassword": "Key password",
  "sasl.username": "SASL user", "sasl.password": "SASL password", "sasl.principal": "Kerberos principal", "sasl.keytabBase64": "Keytab file", "sasl.serviceName": "Service name",
};

export function ClusterFields({ draft, onChange, idPrefix, stored }: Props) {
  const set = <K extends keyof ClusterDraft>(key: K, value: ClusterDraft[K]) => onChange({ ...draft, [key]: value });
  const environments = ENVIRONMENTS.includes(draft.environment) ? ENVIRONMENTS : [...ENVIRONMENTS, draft.environment];
  return (
    <div className="fields">
      <label className="field" htmlFor={`${idPrefix}-name`}>
        <span>Name</span>
        <input id={`${idPrefix}-name`} value={draft.name} onChange={(e) => set("name", e.target.value)} required />
      </label>
      <label className="field" htmlFor={`${idPrefix}-conn`}>
        <span>Connection string</span>
        <input id={`${idPrefix}-conn`} value={draft.connectionString} placeholder="host1:2181,host2:2181/chroot" onChange={(e) => set("connectionString", e.target.value)} required />
      </label>
      <label className="field" htmlFor={`${idPrefix}-timeout`}>
        <span>Session timeout (ms)</span>
        <input id={`${idPrefix}-timeout`} type="number" min={2000} max={120000} step={1000} value={draft.sessionTimeoutMs} onChange={(e) => set("sessionTimeoutMs", e.target.value)} />
      </label>
      <label className="field" htmlFor={`${idPrefix}-env`}>
        <span>Environment</span>
        <select id={`${idPrefix}-env`} value={draft.environment} onChange={(e) => set("environment", e.target.value)}>
          {environments.map((env) => (
            <option key={env} value={env}>
              {env}
            </option>
          ))}
        </select>
      </label>
      <label className="field checkbox" htmlFor={`${idPrefix}-ro`}>
        <input id={`${idPrefix}-ro`} type="checkbox" checked={draft.readOnly} onChange={(e) => set("readOnly", e.target.checked)} />
        <span>Read-only</span>
      </label>
      <HealthSettingsFields draft={draft} onChange={(patch) => onChange({ ...draft, ...patch })} idPrefix={idPrefix} />
      <SecurityFields draft={draft.security} onChange={(patch) => onChange({ ...draft, security: { ...draft.security, ...patch } })} idPrefix={idPrefix} stored={stored} />
    </div>
  );
}
