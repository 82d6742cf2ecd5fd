"use client";

import { useState, type FormEvent } from "react";
import type { Cluster } from "@/lib/clusters/client/types";
import { useClusterDiagnostics } from "@/lib/clusters/client/use-cluster-diagnostics";
import { useUpdateCluster } from "@/lib/clusters/client/use-update-cluster";
import { formErrorMessage } from "@/lib/core/client/field-errors";
import { ClusterFields, draftToInput, type ClusterDraft, CLUSTER_FIELD_LABELS } from "./cluster-fields";
import { healthSettingsDraft, type HealthSettings } from "./health-settings-fields";
import { SaveAnyway } from "./save-anyway";
import { securityDraftOf, securityInput } from "./security-draft";
import { TestConnectionResult } from "./test-connection-result";

function toDraft(cluster: Cluster): ClusterDraft {
  return {
    name: cluster.name,
    connectionString: cluster.connectionString,
    sessionTimeoutMs: String(cluster.sessionTimeoutMs),
    environment: cluster.environment,
    readOnly: cluster.readOnly,
    security: securityDraftOf(cluster.security),
    ...healthSettingsDraft(cluster as Cluster & Partial<HealthSettings>),
  };
}

export function EditClusterForm({ cluster, onDone }: { cluster: Cluster; onDone: () => void }) {
  const [draft, setDraft] = useState(() => toDraft(cluster));
  const update = useUpdateCluster(cluster.id);
  const diagnose = useClusterDiagnostics(cluster.id);

  function save(force: boolean) {
    update.mutate({ ...draftToInput(draft), ...securityInput(draft.security, cluster.security), ...(force ? { force: true } : {}) }, { onSuccess: onDone });
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    save(false);
  }

  return (
    <form className="form inline-edit" onSubmit={onSubmit} aria-label={`Edit ${cluster.name}`}>
      <ClusterFields draft={draft} onChange={(next) => { setDraft(next); update.reset(); }} idPrefix={`edit-${cluster.id}`} stored={cluster.security} />
      <div className="actions">
        <button type="submit" className="button primary" disabled={update.isPending}>
          Save
        </button>
        <SaveAnyway error={update.error} pending={update.isPending} onClick={() => save(true)} />
        <button type="button" className="button" onClick={() => diagnose.mutate()} disabled={diagnose.isPending} title="Checks the saved settings step by step (DNS, TCP, TLS, server, session, SASL, chroot)">
          Run diagnostics
        </button>
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
      </div>
      <TestConnectionResult data={diagnose.data} error={diagnose.error} pending={diagnose.isPending} />
      {update.error && <p className="error-text" role="alert">{formErrorMessage(update.error, CLUSTER_FIELD_LABELS)}</p>}
    </form>
  );
}
