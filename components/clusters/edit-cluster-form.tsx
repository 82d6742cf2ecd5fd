"use client";

import { useState, type FormEvent } from "react";
import type { Cluster } from "@/lib/clusters/client/types";
import { useUpdateCluster } from "@/lib/clusters/client/use-update-cluster";
import { formErrorMessage } from "@/lib/core/client/field-errors";
import { ClusterFields, draftToInput, type ClusterDraft, CLUSTER_FIELD_LABELS } from "./cluster-fields";
import { healthSettingsDraft, type HealthSettings } from "./health-settings-fields";

function toDraft(cluster: Cluster): ClusterDraft {
  return {
    name: cluster.name,
    connectionString: cluster.connectionString,
    sessionTimeoutMs: String(cluster.sessionTimeoutMs),
    environment: cluster.environment,
    readOnly: cluster.readOnly,
    ...healthSettingsDraft(cluster as Cluster & Partial<HealthSettings>),
  };
}

export function EditClusterForm({ cluster, onDone }: { cluster: Cluster; onDone: () => void }) {
  const [draft, setDraft] = useState(() => toDraft(cluster));
  const update = useUpdateCluster(cluster.id);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    update.mutate(draftToInput(draft), { onSuccess: onDone });
  }

  return (
    <form className="form inline-edit" onSubmit={onSubmit} aria-label={`Edit ${cluster.name}`}>
      <ClusterFields draft={draft} onChange={setDraft} idPrefix={`edit-${cluster.id}`} />
      <div className="actions">
        <button type="submit" className="button primary" disabled={update.isPending}>
          Save
        </button>
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
      </div>
      {update.error && <p className="error-text" role="alert">{formErrorMessage(update.error, CLUSTER_FIELD_LABELS)}</p>}
    </form>
  );
}
